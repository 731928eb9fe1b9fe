import type { Role } from '../auth/caller';

/**
 * Who may change a review (override points, comment, decide) and read its audit trail: reviewers, and admins and
 * owners, who may do anything a reviewer does. Interviewers build interviews and invite candidates but do not
 * grade them, so the people who chose the questions never re-score the answers; they can still read comments,
 * decisions, overrides and calibration, like every member.
 */
export const REVIEW_ROLES: Role[] = ['owner', 'admin', 'reviewer'];
