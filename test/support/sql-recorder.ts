import pg from 'pg';

/**
 * Records the SQL text pg actually sends. Import it before ./telemetry: the
 * pg instrumentation then wraps this recorder, so what lands here is the
 * statement after instrumentation rewrote it (sqlcommenter comments included).
 */
export const sentStatements: string[] = [];
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function recordQuery(this: pg.Client, ...args: unknown[]) {
  const first = args[0];
  const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
  if (text) sentStatements.push(text);
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;
