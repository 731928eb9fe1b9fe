import { csvRecords } from '../testing/parse-csv';
import { RESULTS_CSV_HEADER, renderResultsCsv } from './results-csv';

describe('renderResultsCsv', () => {
  it('writes one row per session in the given order, empty cells for nulls, and defuses formulas', () => {
    const csv = renderResultsCsv({
      interviewId: 'i',
      title: 'T',
      passingThreshold: 0.5,
      sort: '-fraction',
      items: [
        {
          sessionId: 's1', candidateName: '=HYPERLINK("evil")', candidateEmail: 'a@x.test', status: 'graded', createdAt: '2025-01-01T00:00:00.000Z',
          submittedAt: '2025-01-02T00:00:00.000Z', gradedAt: '2025-01-02T00:01:00.000Z', automaticPoints: 6.5, reviewedPoints: 8, maxPoints: 10,
          fraction: 0.8, passed: true, latestDecision: 'advance', latestDecisionAt: '2025-01-03T00:00:00.000Z',
        },
        {
          sessionId: 's2', candidateName: 'Bo, Jr.', candidateEmail: 'b@x.test', status: 'invited', createdAt: '2025-01-01T00:00:00.000Z',
          submittedAt: null, gradedAt: null, automaticPoints: null, reviewedPoints: null, maxPoints: 10, fraction: null, passed: null,
          latestDecision: null, latestDecisionAt: null,
        },
      ],
    });
    const records = csvRecords(csv);
    expect(Object.keys(records[0])).toEqual([...RESULTS_CSV_HEADER]);
    expect(records.map((r) => r.session_id)).toEqual(['s1', 's2']);
    expect(records[0]).toMatchObject({ candidate_name: `'=HYPERLINK("evil")`, reviewed_points: '8', fraction: '0.8', passed: 'true', latest_decision: 'advance' });
    expect(records[1]).toMatchObject({ candidate_name: 'Bo, Jr.', fraction: '', passed: '', submitted_at: '' });
  });
});
