import { LruMap } from './lru-map';
import { VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  const counting = () => {
    let builds = 0;
    return { build: (value: string) => async () => `${value}#${++builds}`, builds: () => builds };
  };

  it('builds once per scope and stamp', async () => {
    const cache = new VersionedCache<string>(10);
    const { build, builds } = counting();
    expect(await cache.get('org-a', '3:7', build('a'))).toBe('a#1');
    expect(await cache.get('org-a', '3:7', build('a'))).toBe('a#1');
    expect(builds()).toBe(1);
  });

  it('rebuilds when the stamp changes, and keeps scopes apart', async () => {
    const cache = new VersionedCache<string>(10);
    const { build } = counting();
    expect(await cache.get('org-a', '3:7', build('a'))).toBe('a#1');
    expect(await cache.get('org-b', '3:7', build('b'))).toBe('b#2');
    expect(await cache.get('org-a', '4:8', build('a'))).toBe('a#3');
    expect(await cache.get('org-b', '3:7', build('b'))).toBe('b#2');
  });

  it('shares one build between concurrent callers', async () => {
    const cache = new VersionedCache<string>(10);
    const { build, builds } = counting();
    const results = await Promise.all([cache.get('org', 's', build('x')), cache.get('org', 's', build('x')), cache.get('org', 's', build('x'))]);
    expect(results).toEqual(['x#1', 'x#1', 'x#1']);
    expect(builds()).toBe(1);
  });

  it('does not keep a failed build', async () => {
    const cache = new VersionedCache<string>(10);
    await expect(cache.get('org', 's', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get('org', 's', async () => 'recovered')).toBe('recovered');
  });

  it('forgets the least recently used scope beyond its capacity', async () => {
    const cache = new VersionedCache<string>(2);
    const { build, builds } = counting();
    await cache.get('a', 's', build('a'));
    await cache.get('b', 's', build('b'));
    await cache.get('a', 's', build('a'));
    await cache.get('c', 's', build('c'));
    expect(builds()).toBe(3);
    await cache.get('a', 's', build('a'));
    expect(builds()).toBe(3);
    await cache.get('b', 's', build('b'));
    expect(builds()).toBe(4);
  });
});

describe('LruMap', () => {
  it('drops the least recently read or written key first', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
    expect(map.size).toBe(2);
  });

  it('rejects a capacity that cannot hold anything', () => {
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});
