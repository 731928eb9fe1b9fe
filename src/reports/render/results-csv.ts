import type { InterviewResultsDto } from '../dto/interview-results.dto';
import { toCsv } from './csv';

export const RESULTS_CSV_HEADER = [
  'session_id',
  'candidate_name',
  'candidate_email',
  'status',
  'invited_at',
  'submitted_at',
  'graded_at',
  'automatic_points',
  'reviewed_points',
  'max_points',
  'fraction',
  'passed',
  'latest_decision',
  'latest_decision_at',
] as const;

/** One row per session, in the order the results were sorted. */
export function renderResultsCsv(results: InterviewResultsDto): string {
  return toCsv(
    RESULTS_CSV_HEADER,
    results.items.map((row) => [
      row.sessionId,
      row.candidateName,
      row.candidateEmail,
      row.status,
      row.createdAt,
      row.submittedAt,
      row.gradedAt,
      row.automaticPoints,
      row.reviewedPoints,
      row.maxPoints,
      row.fraction,
      row.passed,
      row.latestDecision,
      row.latestDecisionAt,
    ]),
  );
}
