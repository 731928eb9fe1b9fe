import type { Answer, Interview, Session, SessionItem } from '../generated/prisma/client';
import { CandidateSessionItemDto, CandidateSessionDto, SavedAnswerDto } from './dto/candidate-session.dto';
import { InvitedSessionDto, SessionDto, type SubmitterName } from './dto/session.dto';

/**
 * The only place session rows become response bodies. tokenHash never
 * leaves; candidate views are built field by field from the prompt-side
 * columns only, so a rubric or model answer has no path into them.
 */
export type SessionWithCount = Session & { _count: { items: number } };

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

function submitterOf(value: string | null): SubmitterName | null {
  return value === 'candidate' || value === 'deadline' ? value : null;
}

export function toSessionDto(session: SessionWithCount): SessionDto {
  return {
    id: session.id,
    interviewId: session.interviewId,
    candidateName: session.candidateName,
    candidateEmail: session.candidateEmail,
    status: session.status,
    itemCount: session._count.items,
    drawSeed: session.drawSeed,
    tokenExpiresAt: session.tokenExpiresAt.toISOString(),
    startedAt: iso(session.startedAt),
    deadlineAt: iso(session.deadlineAt),
    submittedAt: iso(session.submittedAt),
    submittedBy: submitterOf(session.submittedBy),
    gradedAt: iso(session.gradedAt),
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
  };
}

export function toInvitedSessionDto(session: SessionWithCount, accessToken: string): InvitedSessionDto {
  return { ...toSessionDto(session), accessToken };
}

export type CandidateItemRow = Pick<SessionItem, 'position' | 'prompt' | 'section' | 'probeIndex' | 'points'> & {
  answer: Pick<Answer, 'text' | 'revision' | 'updatedAt'> | null;
};

function toCandidateItemDto(item: CandidateItemRow): CandidateSessionItemDto {
  return {
    position: item.position,
    prompt: item.prompt,
    section: item.section,
    isProbe: item.probeIndex !== null,
    points: item.points,
    answer: item.answer ? { text: item.answer.text, revision: item.answer.revision, savedAt: item.answer.updatedAt.toISOString() } : { text: '', revision: 0, savedAt: null },
  };
}

export interface CandidateView {
  session: Session;
  interview: Pick<Interview, 'title' | 'description' | 'timeLimitMinutes'>;
  itemCount: number;
  /** Empty until the session is started. */
  items: CandidateItemRow[];
  graceSeconds: number;
  now: Date;
}

export function toCandidateSessionDto(view: CandidateView): CandidateSessionDto {
  const { session, interview } = view;
  return {
    id: session.id,
    candidateName: session.candidateName,
    title: interview.title,
    description: interview.description,
    timeLimitMinutes: interview.timeLimitMinutes,
    status: session.status,
    startedAt: iso(session.startedAt),
    deadlineAt: iso(session.deadlineAt),
    graceSeconds: view.graceSeconds,
    submittedAt: iso(session.submittedAt),
    submittedBy: submitterOf(session.submittedBy),
    serverTime: view.now.toISOString(),
    itemCount: view.itemCount,
    items: view.items.map(toCandidateItemDto),
  };
}

export function toSavedAnswerDto(saved: { position: number; revision: number; changed: boolean; savedAt: Date | null; deadlineAt: Date | null; now: Date }): SavedAnswerDto {
  return {
    position: saved.position,
    revision: saved.revision,
    changed: saved.changed,
    savedAt: iso(saved.savedAt),
    deadlineAt: iso(saved.deadlineAt),
    serverTime: saved.now.toISOString(),
  };
}
