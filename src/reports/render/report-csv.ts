import type { ReportItemDto, SessionReportDto } from '../dto/session-report.dto';
import { round4 } from '../compute/totals';
import { toCsv, type CsvValue } from './csv';

export const REPORT_CSV_HEADER = [
  'row',
  'position',
  'section',
  'levels',
  'prompt',
  'answer',
  'automatic_points',
  'reviewed_points',
  'effective_points',
  'max_points',
  'fraction',
  'override_reason',
  'auto_score_changed',
  'matched_concepts',
  'missed_concepts',
  'misconceptions',
  'flags',
  'passed',
  'percentile',
] as const;

const quoteEvidence = (matches: { text: string }[]): string => matches.map((m) => `"${m.text}"`).join(', ');

function itemRow(item: ReportItemDto): CsvValue[] {
  return [
    'item',
    item.position,
    item.section,
    item.levels.join(' '),
    item.prompt,
    item.answer,
    item.automatic.points,
    item.reviewed.points,
    item.effectivePoints,
    item.maxPoints,
    item.effectivePoints === null || item.maxPoints <= 0 ? null : round4(item.effectivePoints / item.maxPoints),
    item.reviewed.reason,
    item.reviewed.autoScoreChanged,
    item.evidence.map((e) => `${e.label}: ${quoteEvidence(e.matches)}`).join('; '),
    item.missedConcepts.map((m) => m.label).join('; '),
    item.misconceptions.map((m) => `${m.label}: ${quoteEvidence(m.matches)}`).join('; '),
    item.flags.map((f) => f.code).join(' '),
    null,
    null,
  ];
}

/** One row per question item, then a totals row (row = "total"). */
export function renderReportCsv(report: SessionReportDto): string {
  const { totals } = report;
  const totalRow: CsvValue[] = [
    'total',
    null,
    null,
    null,
    `${report.candidate.name} — ${report.interview.title}`,
    null,
    totals.automaticPoints,
    totals.reviewedPoints,
    totals.reviewedPoints,
    totals.maxPoints,
    totals.fraction,
    null,
    report.items.some((i) => i.reviewed.autoScoreChanged),
    null,
    null,
    null,
    null,
    totals.passed,
    report.percentile.value,
  ];
  return toCsv(REPORT_CSV_HEADER, [...report.items.map(itemRow), totalRow]);
}
