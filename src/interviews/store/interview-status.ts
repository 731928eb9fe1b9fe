import { ProblemException } from '../../common/problem';
import type { Interview } from './interview-record';

/** Only drafts change; a published interview is immutable, so the way to change one is a copy. */
export function assertDraft(interview: Interview, action: string): void {
  if (interview.status === 'draft') return;
  const duplicate = `POST /v1/interviews/${interview.id}/duplicate`;
  const detail =
    interview.status === 'published'
      ? `Interview ${interview.id} is published and immutable, so you cannot ${action}. Duplicate it (${duplicate}) and change the new draft.`
      : `Interview ${interview.id} is archived, so you cannot ${action}. Duplicate it (${duplicate}) to build on it.`;
  throw new ProblemException('conflict', detail, { interviewStatus: interview.status });
}
