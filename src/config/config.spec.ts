import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

const SECRET = 'x'.repeat(40);
const KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('gives development defaults: port 3000 and the embedded database', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.trustProxy).toBe(false);
  });

  it('gives candidates a 30 s grace after their deadline by default, configurable from 0 to 3600 s', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).sessionGraceSeconds).toBe(30);
    expect(loadConfig({ NODE_ENV: 'test', SESSION_GRACE_SECONDS: '0' }).sessionGraceSeconds).toBe(0);
    expect(problemsOf({ NODE_ENV: 'test', SESSION_GRACE_SECONDS: '-1' })).toEqual([expect.stringContaining('SESSION_GRACE_SECONDS must be an integer between 0 and 3600')]);
    expect(problemsOf({ NODE_ENV: 'test', SESSION_GRACE_SECONDS: 'soon' })).toHaveLength(1);
  });

  it('refuses production without DATABASE_URL: the embedded server is never used there', () => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: SECRET, SECRETS_ENCRYPTION_KEY: KEY_HEX });
    expect(problems).toEqual([expect.stringContaining('DATABASE_URL is required when NODE_ENV=production')]);
  });

  it('refuses production without a JWT secret, and a short one anywhere', () => {
    expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@h/db', SECRETS_ENCRYPTION_KEY: KEY_HEX })).toEqual([
      expect.stringContaining('JWT_SECRET is required'),
    ]);
    expect(problemsOf({ NODE_ENV: 'test', JWT_SECRET: 'short' })).toEqual([expect.stringContaining('at least 32 characters')]);
  });

  it('rejects a DATABASE_URL that is not PostgreSQL, with the reason', () => {
    expect(problemsOf({ NODE_ENV: 'test', DATABASE_URL: 'mysql://root@localhost/db' })).toEqual([
      expect.stringContaining('DATABASE_URL is not a valid PostgreSQL URL'),
    ]);
    expect(problemsOf({ NODE_ENV: 'test', DATABASE_URL: 'not a url' })).toHaveLength(1);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ NODE_ENV: 'staging', PORT: 'eighty', TRUST_PROXY: 'maybe', ACCESS_TOKEN_TTL_SECONDS: '-5' });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/NODE_ENV.*PORT.*ACCESS_TOKEN_TTL_SECONDS.*TRUST_PROXY/s);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://assay:pw@db:5432/assay', JWT_SECRET: SECRET, SECRETS_ENCRYPTION_KEY: KEY_HEX, PORT: '8080' });
    expect(config).toMatchObject({ nodeEnv: 'production', port: 8080, databaseUrl: 'postgresql://assay:pw@db:5432/assay' });
  });

  describe('secrets encryption key (webhook signing secrets at rest)', () => {
    const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@h/db', JWT_SECRET: SECRET };

    it('is required in production, with a message saying what to set', () => {
      expect(problemsOf(PRODUCTION)).toEqual([expect.stringMatching(/^SECRETS_ENCRYPTION_KEY is required when NODE_ENV=production \(32 random bytes as 64 hex characters or base64/)]);
    });

    it('reads 32 bytes from hex, base64 and base64url', () => {
      const key = Buffer.from(KEY_HEX, 'hex');
      expect(loadConfig({ ...PRODUCTION, SECRETS_ENCRYPTION_KEY: KEY_HEX }).secretsKey).toEqual(key);
      expect(loadConfig({ ...PRODUCTION, SECRETS_ENCRYPTION_KEY: KEY_HEX.toUpperCase() }).secretsKey).toEqual(key);
      expect(loadConfig({ ...PRODUCTION, SECRETS_ENCRYPTION_KEY: key.toString('base64') }).secretsKey).toEqual(key);
      expect(loadConfig({ ...PRODUCTION, SECRETS_ENCRYPTION_KEY: ` ${key.toString('base64url')} ` }).secretsKey).toEqual(key);
    });

    it.each([
      ['too short (16 bytes)', Buffer.alloc(16, 1).toString('base64')],
      ['too long (33 bytes)', Buffer.alloc(33, 1).toString('base64')],
      ['63 hex characters', KEY_HEX.slice(1)],
      ['a passphrase', 'correct horse battery staple correct horse!'],
    ])('refuses a key that is %s, never padding it', (_name, value) => {
      expect(problemsOf({ ...PRODUCTION, SECRETS_ENCRYPTION_KEY: value })).toEqual([expect.stringContaining('SECRETS_ENCRYPTION_KEY must be 32 random bytes')]);
      expect(problemsOf({ NODE_ENV: 'test', SECRETS_ENCRYPTION_KEY: value })).toHaveLength(1);
    });

    it('generates a fresh key for each test configuration', () => {
      const first = loadConfig({ NODE_ENV: 'test' }).secretsKey;
      expect(first).toHaveLength(32);
      expect(loadConfig({ NODE_ENV: 'test' }).secretsKey.equals(first)).toBe(false);
    });

    it('keeps a generated key in the data directory in development, readable only by its owner', () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'assay-config-'));
      try {
        const first = loadConfig({ NODE_ENV: 'development', ASSAY_DATA_DIR: dataDir }).secretsKey;
        const file = path.join(dataDir, 'secrets-key');
        expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toEqual(first);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        expect(loadConfig({ NODE_ENV: 'development', ASSAY_DATA_DIR: dataDir }).secretsKey).toEqual(first);

        writeFileSync(file, 'damaged\n');
        expect(problemsOf({ NODE_ENV: 'development', ASSAY_DATA_DIR: dataDir })).toEqual([expect.stringContaining(`${file} does not hold 32 random bytes`)]);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });

  describe('webhook delivery', () => {
    it('retries 8 times from a 2 s base by default, and takes overrides', () => {
      expect(loadConfig({ NODE_ENV: 'test' }).webhooks).toEqual({ allowHttp: true, retryLimit: 8, retryDelaySeconds: 2 });
      expect(loadConfig({ NODE_ENV: 'test', WEBHOOK_RETRY_LIMIT: '0', WEBHOOK_RETRY_DELAY_SECONDS: '1' }).webhooks).toMatchObject({ retryLimit: 0, retryDelaySeconds: 1 });
      expect(problemsOf({ NODE_ENV: 'test', WEBHOOK_RETRY_LIMIT: '21', WEBHOOK_RETRY_DELAY_SECONDS: '0' })).toEqual([
        expect.stringContaining('WEBHOOK_RETRY_LIMIT must be an integer between 0 and 20'),
        expect.stringContaining('WEBHOOK_RETRY_DELAY_SECONDS must be an integer between 1 and 3600'),
      ]);
    });

    it('allows plain http outside production, and in production only when WEBHOOKS_ALLOW_HTTP=true', () => {
      const production = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@h/db', JWT_SECRET: SECRET, SECRETS_ENCRYPTION_KEY: KEY_HEX };
      const dataDir = mkdtempSync(path.join(tmpdir(), 'assay-config-'));
      try {
        expect(loadConfig({ NODE_ENV: 'development', ASSAY_DATA_DIR: dataDir }).webhooks.allowHttp).toBe(true);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
      expect(loadConfig(production).webhooks.allowHttp).toBe(false);
      expect(loadConfig({ ...production, WEBHOOKS_ALLOW_HTTP: 'true' }).webhooks.allowHttp).toBe(true);
      expect(problemsOf({ NODE_ENV: 'test', WEBHOOKS_ALLOW_HTTP: 'sometimes' })).toEqual([expect.stringContaining('WEBHOOKS_ALLOW_HTTP must be true or false')]);
    });
  });
});
