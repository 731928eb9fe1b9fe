import type { CliIo } from './cli-io';

/** A CliIo that records what a command printed, for tests. */
export function recordingIo(overrides: Partial<CliIo> = {}): CliIo & { out: () => string; err: () => string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout: (text) => void stdout.push(text),
    stderr: (text) => void stderr.push(text),
    stderrIsTty: false,
    env: {},
    cwd: process.cwd(),
    ...overrides,
    out: () => stdout.join(''),
    err: () => stderr.join(''),
  };
}
