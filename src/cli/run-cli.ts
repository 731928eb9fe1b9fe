import type { CliIo } from './cli-io';
import { EXIT_FAILURE, EXIT_USAGE, UsageError, type CliCommand } from './command';
import { COMMANDS } from './registry';

/** Dispatches `argv` (without node and the script) to a command and returns the exit code. */
export async function runCli(argv: string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [name = 'help', ...args] = argv;
  const wanted = name === '--help' || name === '-h' ? 'help' : name;
  const command = commands.find((candidate) => candidate.name === wanted);
  if (!command) {
    io.stderr(`Unknown command "${name}". Run \`npm run assay -- help\` for the list.\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`${command.name} failed: ${describe(error)}\n`);
    return EXIT_FAILURE;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return `${error.message.replace(/^ENOENT: /, '')}`;
    return error.message;
  }
  return String(error);
}
