/**
 * Ordering for GET /v1/interviews/{id}/results. `sort` is a field name,
 * optionally prefixed with `-` for descending. Missing values (a session not
 * yet submitted or graded) always sort last, whichever the direction, so
 * `-fraction` starts with the best graded candidate. Ties fall back to
 * candidate name, then invitation time, then id, so the order is total.
 */

export const RESULT_SORT_FIELDS = ['fraction', 'automaticPoints', 'reviewedPoints', 'candidateName', 'status', 'createdAt', 'submittedAt', 'gradedAt'] as const;
export type ResultSortField = (typeof RESULT_SORT_FIELDS)[number];
export const RESULT_SORTS: readonly string[] = RESULT_SORT_FIELDS.flatMap((field) => [field, `-${field}`]);
export const DEFAULT_RESULT_SORT = 'createdAt';

/** Lifecycle order, which reads better than alphabetical. */
export const STATUS_ORDER = ['invited', 'in_progress', 'submitted', 'graded', 'cancelled'] as const;

export interface SortableResult {
  sessionId: string;
  candidateName: string;
  status: string;
  createdAt: string;
  submittedAt: string | null;
  gradedAt: string | null;
  automaticPoints: number | null;
  reviewedPoints: number | null;
  fraction: number | null;
}

export interface ResultSort {
  field: ResultSortField;
  descending: boolean;
}

export function parseResultSort(sort: string | undefined): ResultSort {
  const value = sort ?? DEFAULT_RESULT_SORT;
  const descending = value.startsWith('-');
  const field = (descending ? value.slice(1) : value) as ResultSortField;
  if (!(RESULT_SORT_FIELDS as readonly string[]).includes(field)) throw new Error(`Unknown sort field: ${value}`);
  return { field, descending };
}

type Key = string | number | null;

function keyOf(row: SortableResult, field: ResultSortField): Key {
  switch (field) {
    case 'candidateName':
      return row.candidateName.toLocaleLowerCase('en');
    case 'status': {
      const rank = (STATUS_ORDER as readonly string[]).indexOf(row.status);
      return rank >= 0 ? rank : STATUS_ORDER.length;
    }
    default:
      return row[field];
  }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en');
}

export function sortResults<T extends SortableResult>(rows: readonly T[], sort: ResultSort): T[] {
  return [...rows].sort((a, b) => {
    const left = keyOf(a, sort.field);
    const right = keyOf(b, sort.field);
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1;
    } else {
      const primary = compareKeys(left, right);
      if (primary !== 0) return sort.descending ? -primary : primary;
    }
    return (
      compareKeys(keyOf(a, 'candidateName'), keyOf(b, 'candidateName')) ||
      compareKeys(a.createdAt, b.createdAt) ||
      compareKeys(a.sessionId, b.sessionId)
    );
  });
}
