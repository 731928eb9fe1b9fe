import { ProblemException } from '../../common/problem';

/** Refusals shared by the candidate's reads, saves and submits. */
export function alreadySubmitted(): ProblemException {
  return new ProblemException('session-submitted', 'This session has been submitted; answers can no longer change. Your saved drafts are what will be graded.');
}

export function cancelled(): ProblemException {
  return new ProblemException('conflict', 'This session was cancelled by the organization.');
}
