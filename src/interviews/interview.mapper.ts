import type { ResolvedItem } from './draw/types';
import type { InterviewDto, InterviewItemDto } from './dto/interview.dto';
import type { CandidateItemDto, InterviewPreviewDto } from './dto/preview.dto';
import type { Interview, InterviewItem, InterviewWithItems } from './store/interview-record';

/** The one place interview rows become API shapes: nothing else in the module hands a Prisma row to a client. */
export function toInterviewDto(interview: InterviewWithItems): InterviewDto {
  return {
    id: interview.id,
    title: interview.title,
    description: interview.description,
    timeLimitMinutes: interview.timeLimitMinutes,
    passingThreshold: interview.passingThreshold,
    status: interview.status,
    items: interview.items.map(toInterviewItemDto),
    duplicatedFromId: interview.duplicatedFromId,
    createdById: interview.createdById,
    publishedAt: interview.publishedAt?.toISOString() ?? null,
    archivedAt: interview.archivedAt?.toISOString() ?? null,
    createdAt: interview.createdAt.toISOString(),
    updatedAt: interview.updatedAt.toISOString(),
  };
}

export function toInterviewItemDto(item: InterviewItem): InterviewItemDto {
  return {
    id: item.id,
    position: item.position,
    kind: item.kind,
    questionId: item.questionId,
    questionVersionId: item.questionVersionId,
    count: item.drawCount,
    section: item.drawSection,
    levels: item.drawLevels,
    tag: item.drawTag,
    weight: item.weight,
    points: item.points,
    includeProbes: item.includeProbes,
  };
}

/**
 * Only what a candidate is shown: field by field, so a rubric, model answer,
 * probe answer or weight can never leak through a spread.
 */
export function toCandidateItemDto(item: Pick<ResolvedItem, 'position' | 'prompt' | 'section' | 'probeIndex' | 'points'>): CandidateItemDto {
  return { position: item.position, prompt: item.prompt, section: item.section, isProbe: item.probeIndex !== null, points: item.points };
}

export function toPreviewDto(interview: Interview, seed: string, items: readonly ResolvedItem[]): InterviewPreviewDto {
  return {
    interviewId: interview.id,
    status: interview.status,
    title: interview.title,
    description: interview.description,
    timeLimitMinutes: interview.timeLimitMinutes,
    seed,
    items: items.map(toCandidateItemDto),
  };
}
