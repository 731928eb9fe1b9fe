import type { CliIo } from './cli-io';

/** One `npm run assay -- <name> …` command. Add one by writing a file in commands/ and listing it in registry.ts. */
export interface CliCommand {
  name: string;
  /** One line for `help`. */
  summary: string;
  /** Full usage text, shown by `help <name>` and after a usage error. */
  usage: string;
  /** Resolves to the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Wrong arguments: the runner prints the message and the command's usage, and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
