import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { bearer, createApiKey, DEFAULT_PASSWORD, freshClientIp, signUp, uniqueEmail } from './factories/accounts';
import { createTestApp, TestApp } from './support/test-app';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Reads the tables directly: whatever an attacker with a database dump would
 * see must not contain a usable password, refresh token, invitation token or
 * API key.
 */
describe('secrets at rest', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.config.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await t.close();
  });

  /** Every row of the table as JSON text, so a secret in any column is found. */
  async function tableText(table: string): Promise<string> {
    const { rows } = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${table} t`);
    return rows.map((r) => r.row).join('\n');
  }

  it('stores only argon2id hashes of passwords, and only SHA-256 hashes of tokens and keys', async () => {
    const password = `unique password ${Date.now()}`;
    const owner = await signUp(t.http, { password });
    const refreshed = await t.http().post('/v1/auth/refresh').set('X-Forwarded-For', freshClientIp()).send({ refreshToken: owner.refreshToken });
    const key = await createApiKey(t.http, owner, 'reviewer');
    const invitation = await t.http().post('/v1/members').set(bearer(owner.accessToken)).send({ email: uniqueEmail(), role: 'reviewer', name: 'I' });
    const inviteePassword = `invitee password ${Date.now()}`;
    const accepted = await t.http().post('/v1/auth/accept-invitation').set('X-Forwarded-For', freshClientIp()).send({ token: invitation.body.token, password: inviteePassword });
    expect([refreshed.status, invitation.status, accepted.status]).toEqual([200, 202, 201]);

    const secrets = [password, inviteePassword, owner.refreshToken, refreshed.body.refreshToken, accepted.body.refreshToken, invitation.body.token, key.secret];
    let dump = '';
    for (const table of ['users', 'refresh_tokens', 'invitations', 'api_keys', 'memberships', 'organizations']) dump += `${await tableText(table)}\n`;
    for (const secret of secrets) expect(dump).not.toContain(secret);
    // Nor the random part of a key, which is what makes it a secret.
    expect(dump).not.toContain(key.secret.slice(key.prefix.length + 1));

    const user = await db.query('SELECT password_hash FROM users WHERE id = $1', [owner.user.id]);
    expect(user.rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,p=\d+,t=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);

    const tokens = await db.query('SELECT token_hash FROM refresh_tokens WHERE user_id = $1', [owner.user.id]);
    expect(tokens.rows.map((r) => r.token_hash).sort()).toEqual([sha256(owner.refreshToken), sha256(refreshed.body.refreshToken)].sort());

    const storedInvitation = await db.query('SELECT token_hash FROM invitations WHERE id = $1', [invitation.body.id]);
    expect(storedInvitation.rows[0].token_hash).toBe(sha256(invitation.body.token));

    const storedKey = await db.query('SELECT prefix, secret_hash FROM api_keys WHERE id = $1', [key.id]);
    expect(storedKey.rows[0]).toEqual({ prefix: key.prefix, secret_hash: sha256(key.secret) });
  });

  it('salts password hashes: one password gives two different hashes', async () => {
    const a = await signUp(t.http, { password: DEFAULT_PASSWORD });
    const b = await signUp(t.http, { password: DEFAULT_PASSWORD });
    const { rows } = await db.query('SELECT password_hash FROM users WHERE id = ANY($1::uuid[])', [[a.user.id, b.user.id]]);
    expect(rows).toHaveLength(2);
    expect(rows[0].password_hash).not.toBe(rows[1].password_hash);
  });
});
