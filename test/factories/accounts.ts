/**
 * Factories for accounts, organizations, members and API keys, built through
 * the public API so every test starts from states real clients can reach.
 *
 *   const owner = await signUp(t.http);                          // a new organization and its owner
 *   const reviewer = await addMember(t.http, owner, 'reviewer'); // a second person in that organization
 *   const key = await createApiKey(t.http, owner, 'interviewer');
 *   await t.http().get('/v1/me').set(bearer(reviewer.accessToken));
 *
 * Every call uses a fresh email and its own simulated client IP (the app
 * trusts X-Forwarded-For), so suites never share accounts and never trip the
 * per-IP rate limit on signup, login and invitations.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { Role } from '../../src/auth/caller';
import type { TestApp } from '../support/test-app';

type Http = TestApp['http'];

export const DEFAULT_PASSWORD = 'correct horse battery staple';

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

export interface Account {
  accessToken: string;
  refreshToken: string;
  email: string;
  password: string;
  role: Role;
  user: { id: string; email: string; name: string };
  organization: { id: string; name: string };
}

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  createdAt: string;
  /** The whole key, to send as a bearer token. */
  secret: string;
}

let sequence = 0;

/** A lower-case email no other test uses. */
export function uniqueEmail(label = 'user'): string {
  sequence += 1;
  return `${label}-${sequence}-${randomUUID().slice(0, 8)}@example.test`;
}

/** A client address of its own (198.18.0.0/15 is reserved for tests), to send as X-Forwarded-For. */
export function freshClientIp(): string {
  sequence += 1;
  return `198.${18 + ((sequence >> 16) & 1)}.${(sequence >> 8) & 255}.${sequence & 255}`;
}

/** `Authorization: Bearer <token>`, for supertest's `.set(...)`. */
export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/** Signs up a new organization with its owner, and says who they are. */
export async function signUp(
  http: Http,
  overrides: Partial<{ organizationName: string; name: string; email: string; password: string }> = {},
): Promise<Account> {
  const body = {
    organizationName: overrides.organizationName ?? `Org ${randomUUID().slice(0, 8)}`,
    name: overrides.name ?? 'Olive Owner',
    email: overrides.email ?? uniqueEmail('owner'),
    password: overrides.password ?? DEFAULT_PASSWORD,
  };
  const response = await http().post('/v1/auth/signup').set('X-Forwarded-For', freshClientIp()).send(body);
  expectStatus(response, 201, 'signup');
  return whoAmI(http, response.body as TokenPair, body.email, body.password);
}

/** Logs in (optionally into a given organization) and returns the raw token pair. */
export async function logIn(http: Http, credentials: { email: string; password: string; organizationId?: string }): Promise<TokenPair> {
  const response = await http().post('/v1/auth/login').set('X-Forwarded-For', freshClientIp()).send(credentials);
  expectStatus(response, 200, 'login');
  return response.body as TokenPair;
}

/**
 * A new person in `admin`'s organization with `role`, logged in there. They
 * are invited and accept, so they belong to that organization only.
 */
export async function addMember(
  http: Http,
  admin: Pick<Account, 'accessToken'>,
  role: Role,
  overrides: Partial<{ email: string; name: string; password: string }> = {},
): Promise<Account> {
  const email = overrides.email ?? uniqueEmail(role);
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const invited = await http()
    .post('/v1/members')
    .set(bearer(admin.accessToken))
    .send({ email, role, name: overrides.name ?? `${role[0].toUpperCase()}${role.slice(1)} Person` });
  expectStatus(invited, 202, 'inviting a member');
  const accepted = await http()
    .post('/v1/auth/accept-invitation')
    .set('X-Forwarded-For', freshClientIp())
    .send({ token: (invited.body as { token: string }).token, password });
  expectStatus(accepted, 201, 'accepting an invitation');
  return whoAmI(http, accepted.body as TokenPair, email, password);
}

/** An API key in `admin`'s organization; `secret` is the bearer token. */
export async function createApiKey(http: Http, admin: Pick<Account, 'accessToken'>, role: Exclude<Role, 'owner'>, name = `${role} key`): Promise<CreatedApiKey> {
  const response = await http().post('/v1/api-keys').set(bearer(admin.accessToken)).send({ name, role });
  expectStatus(response, 201, 'creating an API key');
  return response.body as CreatedApiKey;
}

async function whoAmI(http: Http, tokens: TokenPair, email: string, password: string): Promise<Account> {
  const me = await http().get('/v1/me').set(bearer(tokens.accessToken));
  expectStatus(me, 200, 'GET /v1/me');
  const body = me.body as { role: Role; user: Account['user']; organization: Account['organization'] };
  return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, email, password, role: body.role, user: body.user, organization: body.organization };
}

/** Fails with the problem body, which says far more than "expected 201, got 400". */
function expectStatus(response: Response, status: number, what: string): void {
  if (response.status !== status) {
    throw new Error(`${what} answered ${response.status} instead of ${status}: ${JSON.stringify(response.body)}`);
  }
}
