import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../command';
import { runCli } from '../run-cli';
import { recordingIo } from '../test-io';
import type { BankEntry } from './bank';

describe('assay bank list', () => {
  it('prints the seed bank as a clean JSON array on stdout', async () => {
    const io = recordingIo();
    expect(await runCli(['bank', 'list', '--json'], io)).toBe(EXIT_OK);
    const entries = JSON.parse(io.out()) as BankEntry[];
    expect(entries).toHaveLength(68);
    expect(entries.filter((entry) => entry.kind === 'question')).toHaveLength(58);
    expect(new Set(entries.filter((entry) => entry.kind === 'question').map((entry) => entry.section)).size).toBe(9);
    expect(entries[0]).toEqual({ slug: 'what-is-a-span-what-is-a-trace', section: 'Conceptual / Foundational', kind: 'question', levels: ['junior'], prompt: 'What is a span? What is a trace?' });
    expect(entries.find((entry) => entry.slug === 'what-is-span-kind-and-why-does-it-matter')?.levels).toEqual(['junior', 'middle']);
    expect(Object.keys(entries[0]).sort()).toEqual(['kind', 'levels', 'prompt', 'section', 'slug']);
  });

  it('prints a readable list grouped by section', async () => {
    const io = recordingIo();
    expect(await runCli(['bank', 'list'], io)).toBe(EXIT_OK);
    expect(io.out()).toMatch(/^Conceptual \/ Foundational\n {2}what-is-a-span-what-is-a-trace {2}\[junior\]\n {4}What is a span\? What is a trace\?/);
    expect(io.out()).toContain('  what-is-span-kind-and-why-does-it-matter  [junior → middle]');
    expect(io.out()).toContain('68 question(s) in 10 section(s).');
  });

  it('reads another document with --file, relative to the working directory, and reports its warnings on stderr', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assay-bank-'));
    writeFileSync(path.join(dir, 'bank.txt'), 'Mini¶\nBasics¶\nQ: What is a widget? (expert)¶\nA part.\n');
    const io = recordingIo({ cwd: dir });
    expect(await runCli(['bank', 'list', '--json', '--file', 'bank.txt'], io)).toBe(EXIT_OK);
    expect(JSON.parse(io.out())).toEqual([{ slug: 'what-is-a-widget', section: 'Basics', kind: 'question', levels: [], prompt: 'What is a widget?' }]);
    expect(io.err()).toContain('line 3: unknown level "expert"');
  });

  it.each([[['bank']], [['bank', 'show']], [['bank', 'list', '--yaml']], [['bank', 'list', 'extra']]])('rejects %j as a usage error', async (argv) => {
    const io = recordingIo();
    expect(await runCli(argv, io)).toBe(EXIT_USAGE);
    expect(io.err()).toContain('Usage: assay bank list');
    expect(io.out()).toBe('');
  });

  it('fails cleanly for a missing file', async () => {
    const io = recordingIo();
    expect(await runCli(['bank', 'list', '--file', '/nonexistent/bank.txt'], io)).toBe(EXIT_FAILURE);
    expect(io.err()).toContain('no such file or directory');
  });
});
