/**
 * Follow-up probes as sub-items. A probe is graded with a rubric suggested
 * from its model answer, with the parent question's prompt and the probe's
 * own question as the prompt context (so words that merely repeat the
 * question earn nothing).
 *
 * Points: an item's points are shared evenly by the question and its
 * probes, so including probes never changes what the item is worth. Each
 * probe gets points / (probes + 1), rounded to 4 decimals; the question keeps
 * the rest. Probes inherit the item's weight.
 */
import { suggestRubric, SuggestRubricError } from '../../scoring/suggest';
import type { JsonObject, PoolQuestion } from './types';

export interface ProbeItem {
  probeIndex: number;
  prompt: string;
  rubric: JsonObject;
  points: number;
}

export interface QuestionWithProbes {
  questionPoints: number;
  probes: ProbeItem[];
}

/**
 * The question's probes that can be graded, with the points split. A probe
 * whose model answer has no content words cannot be graded by any rubric, so
 * it is left out (and does not take a share of the points).
 */
export function withProbes(question: PoolQuestion, points: number): QuestionWithProbes {
  const gradeable = question.probes.flatMap((probe, probeIndex) => {
    const rubric = probeRubric(question, probeIndex);
    return rubric ? [{ probeIndex, prompt: probe.question, rubric }] : [];
  });
  if (gradeable.length === 0) return { questionPoints: points, probes: [] };
  const share = round4(points / (gradeable.length + 1));
  return {
    questionPoints: round4(points - share * gradeable.length),
    probes: gradeable.map((probe) => ({ ...probe, points: share })),
  };
}

export function probeRubric(question: PoolQuestion, probeIndex: number): JsonObject | undefined {
  const probe = question.probes[probeIndex];
  if (!probe) return undefined;
  try {
    const rubric = suggestRubric({
      prompt: `${question.prompt}\n${probe.question}`,
      modelAnswer: probe.answer,
      options: { question: `${question.slug}-probe-${probeIndex + 1}` },
    });
    // The rubric is plain data; the round trip drops undefined optionals so it is a JSON object.
    return JSON.parse(JSON.stringify(rubric)) as JsonObject;
  } catch (error) {
    if (error instanceof SuggestRubricError) return undefined;
    throw error;
  }
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
