import { parseResultSort, RESULT_SORTS, sortResults, type SortableResult } from './sort-results';

const row = (sessionId: string, candidateName: string, fields: Partial<SortableResult> = {}): SortableResult => ({
  sessionId,
  candidateName,
  status: 'graded',
  createdAt: '2025-01-01T00:00:00.000Z',
  submittedAt: null,
  gradedAt: null,
  automaticPoints: null,
  reviewedPoints: null,
  fraction: null,
  ...fields,
});

const rows = [
  row('1', 'bea', { fraction: 0.5, submittedAt: '2025-01-02T00:00:00.000Z', status: 'graded' }),
  row('2', 'Al', { fraction: 0.9, submittedAt: '2025-01-03T00:00:00.000Z', status: 'graded' }),
  row('3', 'cy', { status: 'invited' }),
  row('4', 'Dee', { fraction: 0.5, submittedAt: '2025-01-01T00:00:00.000Z', status: 'graded' }),
  row('5', 'eve', { status: 'in_progress', createdAt: '2024-12-31T00:00:00.000Z' }),
];
const ids = (sorted: SortableResult[]) => sorted.map((r) => r.sessionId);

describe('sortResults', () => {
  it('sorts by fraction descending with missing values last and ties by name', () => {
    expect(ids(sortResults(rows, parseResultSort('-fraction')))).toEqual(['2', '1', '4', '3', '5']);
  });

  it('keeps missing values last when ascending too', () => {
    expect(ids(sortResults(rows, parseResultSort('fraction')))).toEqual(['1', '4', '2', '3', '5']);
  });

  it('sorts names case-insensitively', () => {
    expect(ids(sortResults(rows, parseResultSort('candidateName')))).toEqual(['2', '1', '3', '4', '5']);
    expect(ids(sortResults(rows, parseResultSort('-candidateName')))).toEqual(['5', '4', '3', '1', '2']);
  });

  it('sorts statuses in lifecycle order', () => {
    expect(ids(sortResults(rows, parseResultSort('status')))).toEqual(['3', '5', '2', '1', '4']);
  });

  it('sorts by submission time and by invitation time (the default)', () => {
    expect(ids(sortResults(rows, parseResultSort('submittedAt')))).toEqual(['4', '1', '2', '3', '5']);
    expect(ids(sortResults(rows, parseResultSort(undefined)))).toEqual(['5', '2', '1', '3', '4']);
  });

  it('does not mutate its input', () => {
    const copy = [...rows];
    sortResults(rows, parseResultSort('-fraction'));
    expect(rows).toEqual(copy);
  });
});

describe('parseResultSort', () => {
  it('accepts every advertised sort and rejects others', () => {
    for (const sort of RESULT_SORTS) expect(() => parseResultSort(sort)).not.toThrow();
    expect(parseResultSort('-gradedAt')).toEqual({ field: 'gradedAt', descending: true });
    expect(() => parseResultSort('--fraction')).toThrow();
    expect(() => parseResultSort('answer')).toThrow();
  });
});
