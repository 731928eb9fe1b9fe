import { Client, QueryResult } from 'pg';

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The schema engine reads pg_catalog columns of PostgreSQL's one-byte "char"
 * type, which the pg driver adapter refuses to map. Its values already arrive
 * as strings, so reporting those columns as text is exact, and only the
 * migration engine's connections use this client.
 */
export class CharAsTextClient extends Client {
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const callback = last as (error: Error | null, result?: QueryResult) => void;
      args[args.length - 1] = (error: Error | null, result?: QueryResult) => callback(error, result && relabelCharFields(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const outcome = (super.query as (...a: unknown[]) => unknown)(...args);
    if (outcome instanceof Promise) return outcome.then((result: QueryResult) => relabelCharFields(result)) as never;
    return outcome as never;
  }
}

function relabelCharFields(result: QueryResult): QueryResult {
  for (const field of result.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}
