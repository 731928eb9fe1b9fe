/** Job names and payloads this module sends; the grading worker consumes the first. */
export const GRADE_SESSION_JOB = 'grade-session';
export const FINALISE_SESSION_JOB = 'finalise-session';

export interface SessionJobData {
  sessionId: string;
  organizationId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Job data comes back from the database; a malformed payload is dropped rather than retried forever. */
export function isSessionJobData(data: unknown): data is SessionJobData {
  if (typeof data !== 'object' || data === null) return false;
  const { sessionId, organizationId } = data as Record<string, unknown>;
  return typeof sessionId === 'string' && UUID.test(sessionId) && typeof organizationId === 'string' && UUID.test(organizationId);
}
