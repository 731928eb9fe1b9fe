import { ConfigError, loadConfig } from './config';

const SECRET = 'x'.repeat(40);

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

  it('refuses production without DATABASE_URL: the embedded server is never used there', () => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: SECRET });
    expect(problems).toEqual([expect.stringContaining('DATABASE_URL is required when NODE_ENV=production')]);
  });

  it('refuses production without a JWT secret, and a short one anywhere', () => {
    expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@h/db' })).toEqual([
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
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://assay:pw@db:5432/assay', JWT_SECRET: SECRET, PORT: '8080' });
    expect(config).toMatchObject({ nodeEnv: 'production', port: 8080, databaseUrl: 'postgresql://assay:pw@db:5432/assay' });
  });
});
