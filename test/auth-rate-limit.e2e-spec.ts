import { DEFAULT_PASSWORD, signUp, uniqueEmail } from './factories/accounts';
import { createTestApp, TestApp } from './support/test-app';

describe('rate limiting of signup, login, refresh and accepting invitations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });

  afterAll(() => t.close());

  const from = (ip: string) => ({
    post: (path: string, body: object) => t.http().post(path).set('X-Forwarded-For', ip).send(body),
  });

  it('allows 3 logins a minute from one address, then answers 429 with Retry-After', async () => {
    const owner = await signUp(t.http);
    const client = from('203.0.113.10');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.post('/v1/auth/login', { email: owner.email, password: owner.password })).status);
    expect(statuses).toEqual([200, 200, 200]);

    const limited = await client.post('/v1/auth/login', { email: owner.email, password: owner.password });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.body.type).toBe('https://assay.dev/problems/rate-limited');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts failed attempts too, so guessing passwords is throttled', async () => {
    const owner = await signUp(t.http);
    const client = from('203.0.113.11');
    for (let i = 0; i < 3; i++) expect((await client.post('/v1/auth/login', { email: owner.email, password: 'wrong guess number ' + i })).status).toBe(401);
    expect((await client.post('/v1/auth/login', { email: owner.email, password: owner.password })).status).toBe(429);
  });

  it('limits each address on its own', async () => {
    const owner = await signUp(t.http);
    const noisy = from('203.0.113.12');
    for (let i = 0; i < 4; i++) await noisy.post('/v1/auth/login', { email: owner.email, password: 'x' });
    expect((await from('203.0.113.13').post('/v1/auth/login', { email: owner.email, password: owner.password })).status).toBe(200);
  });

  it('limits signup', async () => {
    const client = from('203.0.113.14');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await client.post('/v1/auth/signup', { organizationName: 'Spam', name: 'S', email: uniqueEmail('spam'), password: DEFAULT_PASSWORD })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('limits refresh and accepting invitations', async () => {
    const client = from('203.0.113.15');
    const refresh = [];
    for (let i = 0; i < 4; i++) refresh.push((await client.post('/v1/auth/refresh', { refreshToken: `assay_rt_unknown_${i}` })).status);
    expect(refresh).toEqual([401, 401, 401, 429]);

    const accept = [];
    for (let i = 0; i < 4; i++) accept.push((await client.post('/v1/auth/accept-invitation', { token: `assay_inv_unknown_${i}`, password: DEFAULT_PASSWORD })).status);
    expect(accept).toEqual([401, 401, 401, 429]);
  });
});
