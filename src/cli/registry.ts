import type { CliCommand } from './command';
import { bankCommand } from './commands/bank';
import { createHelpCommand } from './commands/help';
import { importCommand } from './commands/import';
import { scoreCommand } from './commands/score';

/** Every CLI command, in the order `help` lists them. */
export const COMMANDS: readonly CliCommand[] = [importCommand, bankCommand, scoreCommand, createHelpCommand(() => COMMANDS)];

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((command) => command.name === name);
}
