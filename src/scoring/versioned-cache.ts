import { LruMap } from './lru-map';

/**
 * One cached value per scope (an organization), valid while the scope's
 * version stamp is unchanged. The stamp is cheap to read (an aggregate over
 * the bank); the value is expensive to build, and concurrent requests for the
 * same stamp share one build.
 */
export class VersionedCache<V> {
  private readonly scopes: LruMap<string, { stamp: string; value: Promise<V> }>;

  constructor(capacity: number) {
    this.scopes = new LruMap(capacity);
  }

  get(scope: string, stamp: string, build: () => Promise<V>): Promise<V> {
    const cached = this.scopes.get(scope);
    if (cached?.stamp === stamp) return cached.value;
    const value = build();
    const entry = { stamp, value };
    this.scopes.set(scope, entry);
    // A failed build must not be served to the next caller.
    value.catch(() => {
      if (this.scopes.get(scope) === entry) this.scopes.delete(scope);
    });
    return value;
  }
}
