import { Account, bearer, DEFAULT_PASSWORD, freshClientIp, signUp } from './factories/accounts';
import { createTestApp, TestApp } from './support/test-app';

const BODY_LIMIT = 4096;

/** Every body-taking route of accounts, members and API keys, with a body it would accept. */
const ROUTES: { method: 'post' | 'patch'; path: (owner: Account) => string; valid: Record<string, unknown>; authenticated: boolean }[] = [
  { method: 'post', path: () => '/v1/auth/signup', valid: { organizationName: 'Acme', name: 'Ana', email: 'ana@example.test', password: DEFAULT_PASSWORD }, authenticated: false },
  { method: 'post', path: () => '/v1/auth/login', valid: { email: 'ana@example.test', password: DEFAULT_PASSWORD }, authenticated: false },
  { method: 'post', path: () => '/v1/auth/refresh', valid: { refreshToken: 'assay_rt_x' }, authenticated: false },
  { method: 'post', path: () => '/v1/auth/logout', valid: { refreshToken: 'assay_rt_x' }, authenticated: false },
  { method: 'post', path: () => '/v1/auth/accept-invitation', valid: { token: 'assay_inv_x', password: DEFAULT_PASSWORD }, authenticated: false },
  { method: 'post', path: () => '/v1/members', valid: { email: 'bo@example.test', role: 'reviewer' }, authenticated: true },
  { method: 'patch', path: (owner) => `/v1/members/${owner.user.id}`, valid: { role: 'owner' }, authenticated: true },
  { method: 'post', path: () => '/v1/api-keys', valid: { name: 'k', role: 'reviewer' }, authenticated: true },
];

/** Replaces each field with a value of the wrong type. */
function wrongTypes(valid: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(valid).map((key, i) => [key, [42, true, { nested: 1 }, ['a'], null][i % 5]]));
}

describe('malformed input never reaches a 500', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: String(BODY_LIMIT) });
    owner = await signUp(t.http);
  });

  afterAll(() => t.close());

  function send(route: (typeof ROUTES)[number]) {
    const request = t.http()[route.method](route.path(owner)).set('X-Forwarded-For', freshClientIp());
    return route.authenticated ? request.set(bearer(owner.accessToken)) : request;
  }

  const cases = ROUTES.map((route) => ({ name: `${route.method.toUpperCase()} ${route.path({ user: { id: '{userId}' } } as Account)}`, route }));

  describe.each(cases)('$name', ({ route }) => {
    it('answers invalid JSON with a 400 problem saying so', async () => {
      const response = await send(route).set('Content-Type', 'application/json').send('{"email": ');
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.detail).toMatch(/not valid JSON/);
    });

    it('answers an unknown field with 400 naming it', async () => {
      const response = await send(route).send({ ...route.valid, isAdmin: true });
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual({ pointer: '/isAdmin', detail: 'is not a known field' });
    });

    it('answers wrong types with 400 naming every field', async () => {
      const response = await send(route).send(wrongTypes(route.valid));
      expect(response.status).toBe(400);
      const pointers = new Set((response.body.errors as { pointer: string }[]).map((e) => e.pointer));
      expect([...pointers].sort()).toEqual(Object.keys(route.valid).map((k) => `/${k}`).sort());
    });

    it.each([
      ['no body', undefined],
      ['an array', '[]'],
      ['null', 'null'],
      ['a string', '"hello"'],
    ])('answers %s with 400', async (_label, raw) => {
      const request = send(route);
      const response = raw === undefined ? await request : await request.set('Content-Type', 'application/json').send(raw);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('answers an oversized body with 413', async () => {
      const response = await send(route).send({ ...route.valid, padding: 'x'.repeat(BODY_LIMIT * 2) });
      expect(response.status).toBe(413);
      expect(response.body.type).toBe('https://assay.dev/problems/payload-too-large');
    });

    it('answers an unsupported media type with 415', async () => {
      const response = await send(route).set('Content-Type', 'application/xml').send('<email>a</email>');
      expect(response.status).toBe(415);
      expect(response.body.type).toBe('https://assay.dev/problems/unsupported-media-type');
    });

    it.each([
      ['a form', 'application/x-www-form-urlencoded', 'email=a&password=b'],
      ['plain text', 'text/plain', 'hello'],
    ])('answers %s body with a 4xx problem', async (_label, contentType, raw) => {
      const response = await send(route).set('Content-Type', contentType).send(raw);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });
  });

  it.each([
    ['PATCH', '/v1/members/not-a-uuid', 'userId'],
    ['DELETE', '/v1/members/123', 'userId'],
    ['DELETE', '/v1/invitations/%27%3B%20DROP%20TABLE', 'id'],
    ['DELETE', '/v1/api-keys/00000000-0000-0000-0000-00000000000g', 'id'],
  ])('%s %s answers 400 naming the path parameter', async (method, path, parameter) => {
    const request = method === 'PATCH' ? t.http().patch(path).send({ role: 'admin' }) : t.http().delete(path);
    const response = await request.set(bearer(owner.accessToken));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      type: 'https://assay.dev/problems/validation-failed',
      errors: [{ pointer: `path:${parameter}`, detail: `${parameter} must be a UUID` }],
    });
  });
});
