import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand } from './command';
import { COMMANDS } from './registry';
import { runCli } from './run-cli';
import { recordingIo } from './test-io';

describe('runCli', () => {
  it('lists every registered command under help (and with no arguments)', async () => {
    for (const argv of [['help'], [], ['--help']]) {
      const io = recordingIo();
      expect(await runCli(argv, io)).toBe(EXIT_OK);
      for (const command of COMMANDS) expect(io.out()).toContain(`  ${command.name}`);
      expect(io.out()).toContain('import');
      expect(io.out()).toContain('bank');
    }
  });

  it('shows one command’s usage with help <command>', async () => {
    const io = recordingIo();
    expect(await runCli(['help', 'import'], io)).toBe(EXIT_OK);
    expect(io.out()).toContain('--library');
    expect(io.out()).toContain('--org');
  });

  it('answers an unknown command with exit code 2 on stderr', async () => {
    const io = recordingIo();
    expect(await runCli(['frobnicate'], io)).toBe(EXIT_USAGE);
    expect(io.err()).toContain('Unknown command "frobnicate"');
    expect(io.out()).toBe('');
  });

  it('prints the usage after a usage error', async () => {
    const io = recordingIo();
    expect(await runCli(['help', 'nope'], io)).toBe(EXIT_USAGE);
    expect(io.err()).toContain('Unknown command "nope"');
    expect(io.err()).toContain('Usage: assay help');
  });

  it('dispatches to any command in the registry it is given, and reports failures with exit code 1', async () => {
    const calls: string[][] = [];
    const commands: CliCommand[] = [
      { name: 'echo', summary: 'echo', usage: 'Usage: echo', run: async (args, io) => (calls.push(args), io.stdout(args.join(' ')), EXIT_OK) },
      { name: 'boom', summary: 'boom', usage: 'Usage: boom', run: async () => Promise.reject(new Error('disk on fire')) },
      { name: 'strict', summary: 'strict', usage: 'Usage: strict <x>', run: async () => Promise.reject(new UsageError('x is missing')) },
    ];
    const io = recordingIo();
    expect(await runCli(['echo', 'a', '--b'], io, commands)).toBe(EXIT_OK);
    expect(calls).toEqual([['a', '--b']]);
    expect(io.out()).toBe('a --b');
    expect(await runCli(['boom'], io, commands)).toBe(EXIT_FAILURE);
    expect(io.err()).toContain('boom failed: disk on fire');
    expect(await runCli(['strict'], io, commands)).toBe(EXIT_USAGE);
    expect(io.err()).toContain('x is missing\n\nUsage: strict <x>');
  });
});
