/** Human-readable and JSON renderings of an accuracy report. */
import type { AccuracyReport } from './accuracy-run';

function fixed(value: number, digits = 3): string {
  return Number.isNaN(value) ? '—' : value.toFixed(digits);
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** The one-line summary `--json` prints. */
export function accuracyJson(report: AccuracyReport): string {
  return JSON.stringify({
    pearson: report.overall.pearson,
    rmse: report.overall.rmse,
    n: report.overall.n,
    humanPearson: report.humanPearson,
  });
}

const QUESTION_WIDTH = 60;

export function accuracyTable(report: AccuracyReport, anchors: string): string {
  const lines: string[] = [];
  const { overall } = report;
  lines.push('Mohler short-answer corpus: suggested rubrics (model answer only) vs. human grades');
  lines.push(`answers scored: n=${overall.n} (${report.dropped} damaged #NAME? rows dropped), questions: ${report.questions.length}`);
  lines.push(`grade = 5 × fraction^γ, γ = ${report.gamma}`);
  lines.push('');
  lines.push(`  Pearson r        ${fixed(overall.pearson)}   (γ = 1, grade = 5 × fraction: ${fixed(report.linearPearson)})`);
  lines.push(`  RMSE             ${fixed(overall.rmse)}`);
  lines.push(
    `  RMSE, rescaled   ${fixed(report.rescaledRmse)}   (after a least-squares affine map, 2 parameters fitted on this corpus: reference only)`,
  );
  lines.push(`  human–human r    ${fixed(report.humanPearson)}   (score_me vs score_other: the ceiling)`);
  lines.push(`  published        ${anchors}`);
  lines.push('');
  lines.push(
    [pad('id', 6), pad('n', 4, true), pad('concepts', 9, true), pad('r', 7, true), pad('rmse', 7, true), pad('human', 6, true), pad('pred', 6, true), '  question'].join(' '),
  );
  for (const q of report.questions) {
    const question = q.question.length > QUESTION_WIDTH ? `${q.question.slice(0, QUESTION_WIDTH - 1)}…` : q.question;
    lines.push(
      [
        pad(q.questionId, 6),
        pad(String(q.n), 4, true),
        pad(String(q.concepts), 9, true),
        pad(fixed(q.pearson), 7, true),
        pad(fixed(q.rmse), 7, true),
        pad(fixed(q.meanHuman, 2), 6, true),
        pad(fixed(q.meanPredicted, 2), 6, true),
        `  ${question}`,
      ].join(' '),
    );
  }
  lines.push('');
  lines.push('per question: r is undefined (—) where every answer got the same human or predicted grade');
  return lines.join('\n');
}
