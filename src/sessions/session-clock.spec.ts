import { deadlineFor, isPastGrace, saveRefusal, savesCloseAt, submitter, tokenExpiryOnStart } from './session-clock';

const at = (iso: string) => new Date(iso);
const DEADLINE = at('2030-01-01T10:00:00.000Z');

describe('session clock', () => {
  it('sets the deadline the time limit after the start', () => {
    expect(deadlineFor(at('2030-01-01T09:15:30.250Z'), 45)).toEqual(at('2030-01-01T10:00:30.250Z'));
    expect(deadlineFor(at('2030-01-01T09:00:00.000Z'), 0)).toEqual(at('2030-01-01T09:00:00.000Z'));
  });

  it('closes saves the grace after the deadline', () => {
    expect(savesCloseAt(DEADLINE, 30)).toEqual(at('2030-01-01T10:00:30.000Z'));
    expect(savesCloseAt(DEADLINE, 0)).toEqual(DEADLINE);
  });

  it('is past the grace only strictly after deadline + grace', () => {
    expect(isPastGrace(DEADLINE, at('2030-01-01T10:00:29.999Z'), 30)).toBe(false);
    expect(isPastGrace(DEADLINE, at('2030-01-01T10:00:30.000Z'), 30)).toBe(false);
    expect(isPastGrace(DEADLINE, at('2030-01-01T10:00:30.001Z'), 30)).toBe(true);
    expect(isPastGrace(DEADLINE, at('2030-01-01T10:00:00.001Z'), 0)).toBe(true);
    expect(isPastGrace(null, at('2099-01-01T00:00:00.000Z'), 0)).toBe(false);
  });

  it('keeps a started session’s token alive until its saves close, never shortening it', () => {
    const early = at('2030-01-01T09:00:00.000Z');
    const late = at('2030-01-08T00:00:00.000Z');
    expect(tokenExpiryOnStart(early, DEADLINE, 30)).toEqual(at('2030-01-01T10:00:30.000Z'));
    expect(tokenExpiryOnStart(late, DEADLINE, 30)).toEqual(late);
  });

  it('accepts saves only in progress and before the grace ends, and says why otherwise', () => {
    const inTime = at('2030-01-01T10:00:10.000Z');
    const tooLate = at('2030-01-01T10:00:31.000Z');
    expect(saveRefusal({ status: 'in_progress', deadlineAt: DEADLINE }, inTime, 30)).toBeNull();
    expect(saveRefusal({ status: 'in_progress', deadlineAt: DEADLINE }, tooLate, 30)).toBe('deadline-passed');
    expect(saveRefusal({ status: 'invited', deadlineAt: null }, inTime, 30)).toBe('session-not-started');
    expect(saveRefusal({ status: 'submitted', deadlineAt: DEADLINE }, inTime, 30)).toBe('session-submitted');
    expect(saveRefusal({ status: 'graded', deadlineAt: DEADLINE }, inTime, 30)).toBe('session-submitted');
    expect(saveRefusal({ status: 'cancelled', deadlineAt: DEADLINE }, inTime, 30)).toBe('session-cancelled');
  });

  it('credits the candidate with a submit in time and the deadline with one after it', () => {
    expect(submitter(DEADLINE, at('2030-01-01T09:59:00.000Z'), 30)).toBe('candidate');
    expect(submitter(DEADLINE, at('2030-01-01T10:00:20.000Z'), 30)).toBe('candidate');
    expect(submitter(DEADLINE, at('2030-01-01T10:00:31.000Z'), 30)).toBe('deadline');
  });
});
