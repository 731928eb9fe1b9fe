/**
 * The jobs grading consumes. `grade-session` is sent by the sessions module
 * (on submit and at the deadline, see sessions/session-jobs.ts); the
 * re-grade route sends `regrade-sessions`, one job per session.
 */
export { GRADE_SESSION_JOB, isSessionJobData, type SessionJobData } from '../sessions/session-jobs';

export const REGRADE_SESSIONS_JOB = 'regrade-sessions';

/** Re-grade jobs are fetched this many at a time: one consumer span per batch, and each rubric compiled once per batch. */
export const REGRADE_BATCH_SIZE = 25;

/**
 * Re-grade jobs of one request all start this long after it, at the same
 * instant, so the worker picks them up together in batches instead of one by
 * one as they trickle in.
 */
export const REGRADE_BATCH_WINDOW_MS = 1000;

/** grade: a submitted session (a duplicate for a graded one is a no-op). regrade: a submitted or graded session, with its current pins. */
export type GradingMode = 'grade' | 'regrade';
