import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PROJECT_ROOT = path.resolve(__dirname, '../..');
const LOCK = path.join(PROJECT_ROOT, 'dist', '.build-lock');

/**
 * Compiles src/ to dist/ for tests that run the real binaries (`node dist/…`).
 * Jest runs files in parallel workers; a lock directory keeps two tsc runs
 * from writing dist/ at once, and tsc's incremental build makes repeats cheap.
 */
export async function buildDist(): Promise<void> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (isStale(LOCK) || Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    // Type errors are the typecheck step's business; tsc still emits, and the
    // tests then check behaviour.
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT }).catch(() => undefined);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > 120_000;
  } catch {
    return false;
  }
}
