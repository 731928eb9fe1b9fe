/**
 * Runs the example answers a rubric carries in `tests` and reports, case by
 * case, whether the engine agrees with the author's expectations. CI runs
 * this over every seed rubric; authors run it while writing one.
 */
import { compiledFor, type CompiledRubric } from './compile';
import { scoreAnswer } from './scorer';
import type { Rubric, RubricTestCaseResult, RubricTestExpect, RubricTestReport, ScoreResult } from './types';

function failuresFor(expect: RubricTestExpect, result: ScoreResult): string[] {
  const failures: string[] = [];
  const matched = new Set(result.concepts.filter((c) => c.matched).map((c) => c.id));
  const triggered = new Set(result.misconceptions.map((m) => m.id));
  const flags = new Set(result.flags.map((f) => f.code));
  if (expect.band !== undefined && result.band !== expect.band) {
    failures.push(`band: expected "${expect.band}", got ${result.band === undefined ? 'no band' : `"${result.band}"`} (fraction ${result.fraction})`);
  }
  if (expect.minFraction !== undefined && result.fraction < expect.minFraction) {
    failures.push(`fraction ${result.fraction} is below minFraction ${expect.minFraction}`);
  }
  if (expect.maxFraction !== undefined && result.fraction > expect.maxFraction) {
    failures.push(`fraction ${result.fraction} is above maxFraction ${expect.maxFraction}`);
  }
  for (const id of expect.concepts ?? []) if (!matched.has(id)) failures.push(`concept "${id}" should match but did not`);
  for (const id of expect.missing ?? []) if (matched.has(id)) failures.push(`concept "${id}" should not match but did`);
  for (const id of expect.misconceptions ?? []) if (!triggered.has(id)) failures.push(`misconception "${id}" should trigger but did not`);
  for (const code of expect.flags ?? []) if (!flags.has(code)) failures.push(`flag "${code}" should be raised but was not`);
  return failures;
}

export function runRubricTests(rubric: Rubric | CompiledRubric, prompt = ''): RubricTestReport {
  const compiled = compiledFor(rubric);
  const cases: RubricTestCaseResult[] = (compiled.rubric.tests ?? []).map((test) => {
    const result = scoreAnswer(compiled, { prompt, answer: test.answer });
    const failures = failuresFor(test.expect, result);
    const actual: RubricTestCaseResult['actual'] = {
      fraction: result.fraction,
      concepts: result.concepts.filter((c) => c.matched).map((c) => c.id),
      misconceptions: result.misconceptions.map((m) => m.id),
      flags: result.flags.map((f) => f.code),
    };
    if (result.band !== undefined) actual.band = result.band;
    return { name: test.name, passed: failures.length === 0, expected: test.expect, actual, failures };
  });
  const passed = cases.filter((c) => c.passed).length;
  return { cases, passed, failed: cases.length - passed, agreement: cases.length === 0 ? 1 : round(passed / cases.length) };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
