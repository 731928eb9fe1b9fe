import { EXIT_OK, UsageError, type CliCommand } from '../command';

/** `help` lists every registered command; `help <command>` shows its usage. */
export function createHelpCommand(commands: () => readonly CliCommand[]): CliCommand {
  const usage = 'Usage: assay help [command]';
  return {
    name: 'help',
    summary: 'help [command]: show this list, or one command’s usage',
    usage,
    async run(args, io) {
      if (args.length > 1) throw new UsageError('help takes at most one command name.');
      if (args.length === 1) {
        const command = commands().find((candidate) => candidate.name === args[0]);
        if (!command) throw new UsageError(`Unknown command "${args[0]}".`);
        io.stdout(`${command.usage}\n`);
        return EXIT_OK;
      }
      const width = Math.max(...commands().map((command) => command.name.length));
      const list = commands().map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
      io.stdout(`Usage: npm run assay -- <command> [options]\n\nCommands:\n${list.join('\n')}\n\nRun \`npm run assay -- help <command>\` for a command's options.\n`);
      return EXIT_OK;
    },
  };
}
