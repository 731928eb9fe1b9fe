import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pgConfigFromUrl } from '../database/pg-config';

export type NodeEnv = 'development' | 'test' | 'production';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  /** Unset outside production means "run an embedded PostgreSQL". */
  databaseUrl: string | undefined;
  /** Where the embedded server keeps its data (git-ignored, survives restarts). */
  embeddedDataDir: string;
  embeddedPort: number;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  logLevel: string;
  bodyLimitBytes: number;
  /** Requests per minute per client IP for signup and login. */
  authRateLimitPerMinute: number;
  serviceVersion: string;
  /** Trust X-Forwarded-For (set when running behind a reverse proxy). */
  trustProxy: boolean;
  /** How long after a candidate's deadline saves are still accepted (network latency, clock skew). */
  sessionGraceSeconds: number;
  /**
   * 32-byte AES-256-GCM key for secrets assay must read back (webhook signing
   * secrets: HMAC needs the secret itself, so a one-way hash cannot work).
   */
  secretsKey: Buffer;
  webhooks: WebhookDeliveryConfig;
}

export interface WebhookDeliveryConfig {
  /** Production sends to https only unless this is set (WEBHOOKS_ALLOW_HTTP=true). */
  allowHttp: boolean;
  /** Retries after the first attempt; a delivery gets retryLimit + 1 attempts in all. */
  retryLimit: number;
  /** Base of the exponential backoff between attempts. */
  retryDelaySeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the environment once, at startup. Every problem is
 * reported together so an operator fixes them in one go.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = parseNodeEnv(env.NODE_ENV, problems);
  const databaseUrl = emptyToUndefined(env.DATABASE_URL);
  if (databaseUrl !== undefined) {
    try {
      pgConfigFromUrl(databaseUrl);
    } catch (error) {
      problems.push(`DATABASE_URL is not a valid PostgreSQL URL: ${(error as Error).message}`);
    }
  } else if (nodeEnv === 'production') {
    problems.push('DATABASE_URL is required when NODE_ENV=production (the embedded PostgreSQL is for development and tests only).');
  }

  const embeddedDataDir = path.resolve(env.ASSAY_DATA_DIR ?? path.join(PROJECT_ROOT, '.data'));
  const jwtSecret = resolveJwtSecret(env, nodeEnv, embeddedDataDir, problems);
  const secretsKey = resolveSecretsKey(env, nodeEnv, embeddedDataDir, problems);

  const config: AppConfig = {
    nodeEnv,
    port: parseInteger('PORT', env.PORT, 3000, problems, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    embeddedDataDir,
    embeddedPort: parseInteger('EMBEDDED_PG_PORT', env.EMBEDDED_PG_PORT, 54329, problems, 1, 65535),
    jwtSecret,
    accessTokenTtlSeconds: parseInteger('ACCESS_TOKEN_TTL_SECONDS', env.ACCESS_TOKEN_TTL_SECONDS, 900, problems, 10),
    refreshTokenTtlSeconds: parseInteger('REFRESH_TOKEN_TTL_SECONDS', env.REFRESH_TOKEN_TTL_SECONDS, 30 * 24 * 3600, problems, 60),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    bodyLimitBytes: parseInteger('BODY_LIMIT_BYTES', env.BODY_LIMIT_BYTES, 1024 * 1024, problems, 1024),
    authRateLimitPerMinute: parseInteger('AUTH_RATE_LIMIT_PER_MINUTE', env.AUTH_RATE_LIMIT_PER_MINUTE, 20, problems, 1),
    serviceVersion: readPackageVersion(),
    trustProxy: parseBoolean('TRUST_PROXY', env.TRUST_PROXY, false, problems),
    sessionGraceSeconds: parseInteger('SESSION_GRACE_SECONDS', env.SESSION_GRACE_SECONDS, 30, problems, 0, 3600),
    secretsKey,
    webhooks: {
      // Development and tests post to local http receivers; production needs the explicit opt-in.
      allowHttp: parseBoolean('WEBHOOKS_ALLOW_HTTP', env.WEBHOOKS_ALLOW_HTTP, false, problems) || nodeEnv !== 'production',
      retryLimit: parseInteger('WEBHOOK_RETRY_LIMIT', env.WEBHOOK_RETRY_LIMIT, 8, problems, 0, 20),
      retryDelaySeconds: parseInteger('WEBHOOK_RETRY_DELAY_SECONDS', env.WEBHOOK_RETRY_DELAY_SECONDS, 2, problems, 1, 3600),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function parseNodeEnv(value: string | undefined, problems: string[]): NodeEnv {
  const nodeEnv = value ?? 'development';
  if (nodeEnv === 'development' || nodeEnv === 'test' || nodeEnv === 'production') return nodeEnv;
  problems.push(`NODE_ENV must be development, test or production (got "${nodeEnv}").`);
  return 'development';
}

function parseInteger(name: string, raw: string | undefined, fallback: number, problems: string[], min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}").`);
    return fallback;
  }
  return value;
}

/**
 * Production must be given a secret. Development keeps a generated one beside
 * the embedded database so tokens survive restarts; tests get a fresh one.
 */
function resolveJwtSecret(env: Env, nodeEnv: NodeEnv, dataDir: string, problems: string[]): string {
  const given = emptyToUndefined(env.JWT_SECRET);
  if (given !== undefined) {
    if (given.length < 32) problems.push('JWT_SECRET must be at least 32 characters long.');
    return given;
  }
  if (nodeEnv === 'production') {
    problems.push('JWT_SECRET is required when NODE_ENV=production (at least 32 random characters).');
    return '';
  }
  if (nodeEnv === 'test') return randomBytes(32).toString('base64url');
  const secretFile = path.join(dataDir, 'jwt-secret');
  if (existsSync(secretFile)) return readFileSync(secretFile, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const SECRETS_KEY_BYTES = 32;
const SECRETS_KEY_FORMAT = `${SECRETS_KEY_BYTES} random bytes as 64 hex characters or base64 (e.g. \`openssl rand -base64 32\`)`;

/**
 * Like the JWT secret: production must be given the key (losing it makes every
 * stored webhook secret unreadable, so it is never invented there); development
 * keeps a generated one beside the embedded database; tests get a fresh one.
 */
function resolveSecretsKey(env: Env, nodeEnv: NodeEnv, dataDir: string, problems: string[]): Buffer {
  const given = emptyToUndefined(env.SECRETS_ENCRYPTION_KEY);
  if (given !== undefined) {
    const key = decodeSecretsKey(given);
    if (!key) problems.push(`SECRETS_ENCRYPTION_KEY must be ${SECRETS_KEY_FORMAT}.`);
    return key ?? Buffer.alloc(SECRETS_KEY_BYTES);
  }
  if (nodeEnv === 'production') {
    problems.push(`SECRETS_ENCRYPTION_KEY is required when NODE_ENV=production (${SECRETS_KEY_FORMAT}).`);
    return Buffer.alloc(SECRETS_KEY_BYTES);
  }
  if (nodeEnv === 'test') return randomBytes(SECRETS_KEY_BYTES);
  const keyFile = path.join(dataDir, 'secrets-key');
  if (existsSync(keyFile)) {
    const key = decodeSecretsKey(readFileSync(keyFile, 'utf8').trim());
    if (!key) problems.push(`${keyFile} does not hold ${SECRETS_KEY_FORMAT}; delete it to generate a new one (stored webhook secrets then need rotating).`);
    return key ?? Buffer.alloc(SECRETS_KEY_BYTES);
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(SECRETS_KEY_BYTES);
  writeFileSync(keyFile, `${key.toString('base64')}\n`, { mode: 0o600 });
  return key;
}

/** Hex or base64/base64url, and exactly 32 bytes: a short or mistyped key is refused, never padded. */
function decodeSecretsKey(value: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value)) return undefined;
  const key = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === SECRETS_KEY_BYTES ? key : undefined;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  problems.push(`${name} must be true or false (got "${raw}").`);
  return fallback;
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readPackageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
