import { ProblemException } from '../common/problem';
import type { PrismaService } from '../database/prisma.service';
import { Accounts } from './accounts.service';
import type { PasswordHasher } from './passwords';
import type { Sessions } from './tokens/sessions';

/** The credential check in isolation: what it verifies against, and how it fails. */
function accountsWith(user: { id: string; passwordHash: string } | null, passwordMatches: boolean) {
  const passwords = {
    verify: jest.fn().mockResolvedValue(passwordMatches),
    verifyAgainstNothing: jest.fn().mockResolvedValue(false),
  };
  const prisma = { user: { findUnique: jest.fn().mockResolvedValue(user) } };
  const accounts = new Accounts(prisma as unknown as PrismaService, passwords as unknown as PasswordHasher, {} as Sessions);
  return { accounts, passwords, prisma };
}

async function failure(promise: Promise<unknown>): Promise<ProblemException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemException) return error;
    throw error;
  }
  throw new Error('expected a ProblemException');
}

describe('Accounts.verifyCredentials', () => {
  it('returns the user when the password matches their hash', async () => {
    const { accounts, passwords } = accountsWith({ id: 'u1', passwordHash: '$argon2id$stored' }, true);
    await expect(accounts.verifyCredentials('ana@example.com', 'pw')).resolves.toEqual({ userId: 'u1' });
    expect(passwords.verify).toHaveBeenCalledWith('$argon2id$stored', 'pw');
    expect(passwords.verifyAgainstNothing).not.toHaveBeenCalled();
  });

  it('still spends one argon2 verification when the email is unknown', async () => {
    const { accounts, passwords } = accountsWith(null, false);
    await failure(accounts.verifyCredentials('nobody@example.com', 'pw'));
    expect(passwords.verifyAgainstNothing).toHaveBeenCalledTimes(1);
    expect(passwords.verifyAgainstNothing).toHaveBeenCalledWith('pw');
    expect(passwords.verify).not.toHaveBeenCalled();
  });

  it('fails identically for an unknown email and a wrong password', async () => {
    const unknown = await failure(accountsWith(null, false).accounts.verifyCredentials('nobody@example.com', 'pw'));
    const wrong = await failure(accountsWith({ id: 'u1', passwordHash: 'h' }, false).accounts.verifyCredentials('ana@example.com', 'pw'));
    expect(unknown.code).toBe('invalid-credentials');
    expect([unknown.code, unknown.detail, unknown.getStatus()]).toEqual([wrong.code, wrong.detail, wrong.getStatus()]);
  });
});
