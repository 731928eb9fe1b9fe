/**
 * The server's rules for a session's time, as plain functions of the clock so
 * they can be tested exhaustively. Every decision about deadlines goes
 * through here; nothing trusts a client's clock.
 */

export type SessionState = 'invited' | 'in_progress' | 'submitted' | 'graded' | 'cancelled';
export type SubmittedBy = 'candidate' | 'deadline';

/** Why a save is refused, or null when it may land. */
export type SaveRefusal = 'session-not-started' | 'session-submitted' | 'session-cancelled' | 'deadline-passed';

const MINUTE_MS = 60_000;

/** The deadline a session gets when it starts. */
export function deadlineFor(startedAt: Date, timeLimitMinutes: number): Date {
  return new Date(startedAt.getTime() + timeLimitMinutes * MINUTE_MS);
}

/** The last instant a save is still accepted: the deadline plus the grace. */
export function savesCloseAt(deadlineAt: Date, graceSeconds: number): Date {
  return new Date(deadlineAt.getTime() + graceSeconds * 1000);
}

/** True once the deadline and its grace are over. A session without a deadline (not started) has none to pass. */
export function isPastGrace(deadlineAt: Date | null, now: Date, graceSeconds: number): boolean {
  return deadlineAt !== null && now.getTime() > savesCloseAt(deadlineAt, graceSeconds).getTime();
}

/**
 * A started session's token must outlive its deadline: a candidate who starts
 * an hour before the invitation expires still gets the whole time limit.
 */
export function tokenExpiryOnStart(tokenExpiresAt: Date, deadlineAt: Date, graceSeconds: number): Date {
  const closes = savesCloseAt(deadlineAt, graceSeconds);
  return closes.getTime() > tokenExpiresAt.getTime() ? closes : tokenExpiresAt;
}

export function saveRefusal(session: { status: SessionState; deadlineAt: Date | null }, now: Date, graceSeconds: number): SaveRefusal | null {
  switch (session.status) {
    case 'invited':
      return 'session-not-started';
    case 'submitted':
    case 'graded':
      return 'session-submitted';
    case 'cancelled':
      return 'session-cancelled';
    case 'in_progress':
      return isPastGrace(session.deadlineAt, now, graceSeconds) ? 'deadline-passed' : null;
  }
}

/**
 * Who ends a session submitted now: the candidate while time remains (the
 * grace included), the deadline once it has passed, even when the candidate
 * pressed submit, so a report shows the session ran out.
 */
export function submitter(deadlineAt: Date | null, now: Date, graceSeconds: number): SubmittedBy {
  return isPastGrace(deadlineAt, now, graceSeconds) ? 'deadline' : 'candidate';
}
