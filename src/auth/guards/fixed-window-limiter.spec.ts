import { FixedWindowLimiter } from './fixed-window-limiter';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('FixedWindowLimiter', () => {
  it('allows `limit` hits per window and refuses the next', () => {
    const time = clock();
    const limiter = new FixedWindowLimiter(3, 60_000, time.now);
    expect([1, 2, 3].map(() => limiter.hit('ip').allowed)).toEqual([true, true, true]);
    expect(limiter.hit('ip')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('says how long until the window ends, rounded up to whole seconds', () => {
    const time = clock();
    const limiter = new FixedWindowLimiter(1, 60_000, time.now);
    limiter.hit('ip');
    time.advance(45_500);
    expect(limiter.hit('ip')).toEqual({ allowed: false, retryAfterSeconds: 15 });
    time.advance(14_000);
    expect(limiter.hit('ip')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('starts a fresh window once the old one has passed', () => {
    const time = clock();
    const limiter = new FixedWindowLimiter(2, 60_000, time.now);
    limiter.hit('ip');
    limiter.hit('ip');
    expect(limiter.hit('ip').allowed).toBe(false);
    time.advance(60_000);
    expect(limiter.hit('ip').allowed).toBe(true);
    expect(limiter.hit('ip').allowed).toBe(true);
    expect(limiter.hit('ip').allowed).toBe(false);
  });

  it('counts each key on its own', () => {
    const limiter = new FixedWindowLimiter(1, 60_000, clock().now);
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(false);
    expect(limiter.hit('b').allowed).toBe(true);
  });

  it('sweeps expired windows when many keys are tracked, keeping live ones', () => {
    const time = clock();
    const limiter = new FixedWindowLimiter(1, 1_000, time.now, 3);
    limiter.hit('old-1');
    limiter.hit('old-2');
    time.advance(600);
    limiter.hit('live');
    time.advance(500);
    limiter.hit('new');
    expect(limiter.size).toBe(2);
    expect(limiter.hit('live').allowed).toBe(false);
  });

  it('rejects nonsensical settings', () => {
    expect(() => new FixedWindowLimiter(0, 1000)).toThrow(RangeError);
    expect(() => new FixedWindowLimiter(1.5, 1000)).toThrow(RangeError);
    expect(() => new FixedWindowLimiter(1, 0)).toThrow(RangeError);
  });
});
