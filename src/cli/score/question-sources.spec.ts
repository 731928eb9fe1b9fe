import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SEED_BANK_FILE } from '../../questions/import/library-source';
import { scoreAnswer } from '../../scoring/engine';
import { seedSource } from './question-sources';

function bankWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'assay-bank-'));
  mkdirSync(path.join(dir, 'rubrics'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return path.join(dir, 'bank.txt');
}

const DOCUMENT = [
  'Gadgets — Interview Questions¶',
  'Topic: Gadgets Focus: gadgets.',
  'Basics¶',
  'Q: What is a gadget? (junior)¶',
  'A gadget is a battery-powered device with a firmware bootloader.',
  'Q: How do gadgets talk? (middle)¶',
  'Gadgets exchange telemetry over Bluetooth.',
  'Q: Why do gadgets fail? (senior)¶',
  'Their batteries swell.',
  '',
].join('\n');

describe('seedSource', () => {
  it('finds a seed question with its curated rubric', async () => {
    const lookup = await seedSource(SEED_BANK_FILE).find('why-sample-traces-at-all');
    expect(lookup.ok).toBe(true);
    if (!lookup.ok) return;
    expect(lookup.question).toMatchObject({ slug: 'why-sample-traces-at-all', rubricSource: 'curated', origin: 'seed bank' });
    expect(lookup.question.prompt).toMatch(/^\S.*\S$/);
    expect(lookup.question.rubric.rubric.concepts.map((c) => c.id)).toContain('volume-cost-at-scale');
  });

  it('says which slug it does not know', async () => {
    expect(await seedSource(SEED_BANK_FILE).find('nope')).toEqual({ ok: false, error: expect.stringContaining('no question with the slug "nope"') });
  });

  it('suggests a rubric, as the import would, for a question without a curated one or with an unreadable file', async () => {
    const bank = bankWith({ 'bank.txt': DOCUMENT, 'rubrics/how-do-gadgets-talk.json': '{ not json' });
    const source = seedSource(bank);
    for (const slug of ['what-is-a-gadget', 'how-do-gadgets-talk']) {
      const lookup = await source.find(slug);
      expect(lookup.ok && lookup.question.rubricSource).toBe('suggested');
    }
    const gadget = await source.find('what-is-a-gadget');
    if (!gadget.ok) throw new Error(gadget.error);
    const result = scoreAnswer(gadget.question.rubric, { prompt: gadget.question.prompt, answer: 'It boots its firmware from a bootloader.' });
    expect(result.concepts.filter((c) => c.matched).map((c) => c.label)).toEqual(expect.arrayContaining(['firmware', 'bootloader']));
  });

  it('reports a curated rubric the engine rejects, with JSON Pointers', async () => {
    const broken = { schemaVersion: 1, question: 'why-do-gadgets-fail', concepts: [{ id: 'swell', label: 'Swelling', weight: 1, patterns: ['[swell'] }] };
    const source = seedSource(bankWith({ 'bank.txt': DOCUMENT, 'rubrics/why-do-gadgets-fail.json': JSON.stringify(broken) }));
    expect(await source.find('why-do-gadgets-fail')).toEqual({ ok: false, error: expect.stringContaining('/concepts/0/patterns/0: unbalanced [') });
  });

  it('compiles each question once, however often it is asked for', async () => {
    const source = seedSource(SEED_BANK_FILE);
    const [first, second] = await Promise.all([source.find('why-sample-traces-at-all'), source.find('why-sample-traces-at-all')]);
    expect(first.ok && second.ok && first.question.rubric === second.question.rubric).toBe(true);
  });
});
