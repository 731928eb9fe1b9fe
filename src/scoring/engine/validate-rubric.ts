/**
 * Hand-written rubric validation. Rubric authors get every problem at once,
 * each with a JSON path (`concepts[2].patterns[0]`) and a sentence saying what
 * is wrong, including pattern syntax and unsafe regexes.
 *
 * Keys starting with `$` (`$schema`, `$comment`) are allowed anywhere and ignored.
 */
import { parsePattern, PatternSyntaxError } from './pattern-parser';
import { FLAG_CODES, type Rubric, type ValidationError, type ValidationResult } from './types';

export class RubricValidationError extends Error {
  constructor(readonly errors: ValidationError[]) {
    super(`invalid rubric: ${errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ')}`);
    this.name = 'RubricValidationError';
  }
}

type Json = Record<string, unknown>;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const POLARITIES = ['affirmative', 'negative', 'any'];
const MAX_WITHIN = 50;
const MAX_CONCEPTS = 100;
const MAX_PATTERNS = 50;
const MAX_TEXT = 2000;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function child(path: string, key: string): string {
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

class Checker {
  readonly errors: ValidationError[] = [];

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  keys(obj: Json, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (key.startsWith('$') || allowed.includes(key)) continue;
      this.error(child(path, key), `unknown key "${key}" (allowed: ${allowed.join(', ')})`);
    }
  }

  string(obj: Json, key: string, path: string, opts: { required: boolean; kebab?: boolean }): string | undefined {
    const v = obj[key];
    const p = child(path, key);
    if (v === undefined) {
      if (opts.required) this.error(p, 'is required');
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.error(p, 'must be a non-empty string');
      return undefined;
    }
    if (v.length > MAX_TEXT) this.error(p, `must be at most ${MAX_TEXT} characters`);
    if (opts.kebab && !KEBAB.test(v)) this.error(p, `"${v}" must be kebab-case (a-z, 0-9 and single dashes)`);
    return v;
  }

  positive(obj: Json, key: string, path: string): void {
    const v = obj[key];
    const p = child(path, key);
    if (v === undefined) this.error(p, 'is required');
    else if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) this.error(p, 'must be a number > 0');
  }

  fraction(obj: Json, key: string, path: string, required: boolean): number | undefined {
    const v = obj[key];
    const p = child(path, key);
    if (v === undefined) {
      if (required) this.error(p, 'is required');
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      this.error(p, 'must be a number between 0 and 1');
      return undefined;
    }
    return v;
  }

  boolean(obj: Json, key: string, path: string): void {
    if (obj[key] !== undefined && typeof obj[key] !== 'boolean') this.error(child(path, key), 'must be true or false');
  }

  within(obj: Json, key: string, path: string): void {
    const v = obj[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_WITHIN)) {
      this.error(child(path, key), `must be an integer from 1 to ${MAX_WITHIN}`);
    }
  }

  array(obj: Json, key: string, path: string, required: boolean): unknown[] | undefined {
    const v = obj[key];
    if (v === undefined) {
      if (required) this.error(child(path, key), 'is required');
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.error(child(path, key), 'must be an array');
      return undefined;
    }
    return v;
  }

  idList(obj: Json, key: string, path: string, known: ReadonlySet<string>, what: string): void {
    const list = this.array(obj, key, path, false);
    list?.forEach((v, i) => {
      const p = `${child(path, key)}[${i}]`;
      if (typeof v !== 'string') this.error(p, 'must be a string');
      else if (!known.has(v)) this.error(p, `unknown ${what} id "${v}"`);
    });
  }

  pattern(spec: unknown, path: string): void {
    let source: unknown = spec;
    let sourcePath = path;
    if (isObject(spec)) {
      this.keys(spec, path, ['match', 'within', 'ordered', 'polarity']);
      source = spec.match;
      sourcePath = `${path}.match`;
      if (source === undefined) {
        this.error(sourcePath, 'is required');
        return;
      }
      this.within(spec, 'within', path);
      this.boolean(spec, 'ordered', path);
      if (spec.polarity !== undefined && !POLARITIES.includes(spec.polarity as string)) {
        this.error(`${path}.polarity`, `must be one of ${POLARITIES.join(', ')}`);
      }
    }
    if (typeof source !== 'string') {
      this.error(sourcePath, 'a pattern must be a string or an object with a "match" string');
      return;
    }
    try {
      parsePattern(source);
    } catch (e) {
      if (e instanceof PatternSyntaxError) this.error(sourcePath, e.message);
      else throw e;
    }
  }

  patterns(obj: Json, path: string): void {
    const list = this.array(obj, 'patterns', path, true);
    if (!list) return;
    if (list.length === 0) this.error(`${path}.patterns`, 'needs at least one pattern');
    if (list.length > MAX_PATTERNS) this.error(`${path}.patterns`, `has ${list.length} patterns; the limit is ${MAX_PATTERNS}`);
    list.forEach((spec, i) => this.pattern(spec, `${path}.patterns[${i}]`));
  }
}

function checkIds(c: Checker, entries: Array<{ id: unknown; path: string }>): void {
  const first = new Map<string, string>();
  for (const { id, path } of entries) {
    if (typeof id !== 'string') continue;
    const earlier = first.get(id);
    if (earlier) c.error(`${path}.id`, `duplicate id "${id}" (first used at ${earlier}.id)`);
    else first.set(id, path);
  }
}

function checkSynonyms(c: Checker, value: unknown): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    c.error('synonyms', 'must be an object mapping a word to a list of equivalent words or phrases');
    return;
  }
  for (const [key, list] of Object.entries(value)) {
    const p = child('synonyms', key);
    if (!/[\p{L}\p{N}]/u.test(key) || /[[\]|*"/]/.test(key)) c.error(p, 'a synonym key must be a plain word or phrase');
    if (!Array.isArray(list) || list.length === 0) {
      c.error(p, 'must be a non-empty array of strings');
      continue;
    }
    list.forEach((entry, i) => {
      if (typeof entry !== 'string' || !/[\p{L}\p{N}]/u.test(entry) || /[[\]|*"/]/.test(entry) || entry.length > 100) {
        c.error(`${p}[${i}]`, 'must be a plain word or phrase (no pattern syntax, at most 100 characters)');
      }
    });
  }
}

function checkOptions(c: Checker, value: unknown): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    c.error('options', 'must be an object');
    return;
  }
  c.keys(value, 'options', ['requiredCap', 'stuffingCap', 'within', 'fuzzy', 'thesaurus', 'demotePromptWords']);
  c.fraction(value, 'requiredCap', 'options', false);
  c.fraction(value, 'stuffingCap', 'options', false);
  c.within(value, 'within', 'options');
  for (const key of ['fuzzy', 'thesaurus', 'demotePromptWords']) c.boolean(value, key, 'options');
}

function checkBands(c: Checker, value: unknown): Set<string> {
  const labels = new Set<string>();
  if (value === undefined) return labels;
  if (!Array.isArray(value)) {
    c.error('bands', 'must be an array');
    return labels;
  }
  value.forEach((band, i) => {
    const p = `bands[${i}]`;
    if (!isObject(band)) {
      c.error(p, 'must be an object with label and minFraction');
      return;
    }
    c.keys(band, p, ['label', 'minFraction']);
    const label = c.string(band, 'label', p, { required: true });
    c.fraction(band, 'minFraction', p, true);
    if (label !== undefined) {
      if (labels.has(label)) c.error(`${p}.label`, `duplicate band label "${label}"`);
      labels.add(label);
    }
  });
  return labels;
}

function checkTests(c: Checker, value: unknown, bands: Set<string>, concepts: Set<string>, misconceptions: Set<string>): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    c.error('tests', 'must be an array');
    return;
  }
  const names = new Set<string>();
  value.forEach((test, i) => {
    const p = `tests[${i}]`;
    if (!isObject(test)) {
      c.error(p, 'must be an object with name, answer and expect');
      return;
    }
    c.keys(test, p, ['name', 'answer', 'expect']);
    const name = c.string(test, 'name', p, { required: true });
    if (name !== undefined) {
      if (names.has(name)) c.error(`${p}.name`, `duplicate test name "${name}"`);
      names.add(name);
    }
    if (typeof test.answer !== 'string') c.error(`${p}.answer`, 'must be a string');
    const expect = test.expect;
    const ep = `${p}.expect`;
    if (!isObject(expect)) {
      c.error(ep, 'must be an object');
      return;
    }
    c.keys(expect, ep, ['band', 'minFraction', 'maxFraction', 'concepts', 'missing', 'misconceptions', 'flags']);
    if (expect.band !== undefined) {
      if (typeof expect.band !== 'string') c.error(`${ep}.band`, 'must be a string');
      else if (!bands.has(expect.band)) c.error(`${ep}.band`, bands.size ? `unknown band "${expect.band}"` : 'the rubric defines no bands');
    }
    const min = c.fraction(expect, 'minFraction', ep, false);
    const max = c.fraction(expect, 'maxFraction', ep, false);
    if (min !== undefined && max !== undefined && min > max) c.error(`${ep}.minFraction`, 'must not exceed maxFraction');
    c.idList(expect, 'concepts', ep, concepts, 'concept');
    c.idList(expect, 'missing', ep, concepts, 'concept');
    c.idList(expect, 'misconceptions', ep, misconceptions, 'misconception');
    c.idList(expect, 'flags', ep, new Set(FLAG_CODES), 'flag');
  });
}

function stripComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripComments);
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('$')) out[k] = stripComments(v);
  return out;
}

export function validateRubric(input: unknown): ValidationResult {
  const c = new Checker();
  if (!isObject(input)) return { ok: false, errors: [{ path: '', message: 'a rubric must be a JSON object' }] };
  c.keys(input, '', ['schemaVersion', 'question', 'synonyms', 'concepts', 'misconceptions', 'bands', 'options', 'tests']);
  if (input.schemaVersion !== 1) c.error('schemaVersion', 'must be 1');
  c.string(input, 'question', '', { required: true, kebab: true });
  checkSynonyms(c, input.synonyms);
  checkOptions(c, input.options);

  const conceptIds = new Set<string>();
  const ids: Array<{ id: unknown; path: string }> = [];
  const concepts = c.array(input, 'concepts', '', true);
  if (concepts && concepts.length === 0) c.error('concepts', 'needs at least one concept');
  if (concepts && concepts.length > MAX_CONCEPTS) c.error('concepts', `has ${concepts.length} concepts; the limit is ${MAX_CONCEPTS}`);
  concepts?.forEach((concept, i) => {
    const p = `concepts[${i}]`;
    if (!isObject(concept)) {
      c.error(p, 'must be an object');
      return;
    }
    c.keys(concept, p, ['id', 'label', 'weight', 'required', 'feedback', 'patterns']);
    const id = c.string(concept, 'id', p, { required: true, kebab: true });
    if (id) conceptIds.add(id);
    ids.push({ id, path: p });
    c.string(concept, 'label', p, { required: true });
    c.positive(concept, 'weight', p);
    c.boolean(concept, 'required', p);
    c.string(concept, 'feedback', p, { required: false });
    c.patterns(concept, p);
  });

  const misconceptionIds = new Set<string>();
  const misconceptions = c.array(input, 'misconceptions', '', false);
  misconceptions?.forEach((m, i) => {
    const p = `misconceptions[${i}]`;
    if (!isObject(m)) {
      c.error(p, 'must be an object');
      return;
    }
    c.keys(m, p, ['id', 'label', 'penalty', 'feedback', 'contradicts', 'patterns']);
    const id = c.string(m, 'id', p, { required: true, kebab: true });
    if (id) misconceptionIds.add(id);
    ids.push({ id, path: p });
    c.string(m, 'label', p, { required: true });
    c.positive(m, 'penalty', p);
    c.string(m, 'feedback', p, { required: false });
    c.idList(m, 'contradicts', p, conceptIds, 'concept');
    c.patterns(m, p);
  });
  checkIds(c, ids);

  const bands = checkBands(c, input.bands);
  checkTests(c, input.tests, bands, conceptIds, misconceptionIds);

  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return { ok: true, rubric: stripComments(input) as Rubric };
}
