/**
 * Reusable typed buffers for per-answer analysis. Scoring is synchronous and
 * never re-entered, so one set of buffers serves every call; allocating fresh
 * typed arrays per answer cost more than the matching itself. Buffers only
 * grow, and callers must use their own counts, never `.length`.
 */
const int32 = new Map<string, Int32Array>();
const uint8 = new Map<string, Uint8Array>();
const MAX_KEPT = 1 << 20;

function grow(current: number, needed: number): number {
  return Math.max(needed, current * 2, 256);
}

export function scratchInt32(name: string, n: number): Int32Array {
  let buf = int32.get(name);
  if (!buf || buf.length < n) {
    buf = new Int32Array(grow(buf?.length ?? 0, n));
    // Do not pin megabytes after one huge answer.
    if (buf.length <= MAX_KEPT) int32.set(name, buf);
  }
  return buf;
}

export function scratchUint8(name: string, n: number): Uint8Array {
  let buf = uint8.get(name);
  if (!buf || buf.length < n) {
    buf = new Uint8Array(grow(buf?.length ?? 0, n));
    if (buf.length <= MAX_KEPT) uint8.set(name, buf);
  }
  return buf;
}
