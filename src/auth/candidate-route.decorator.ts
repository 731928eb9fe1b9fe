import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { CandidateAuthGuard } from './guards/candidate-auth.guard';

export const IS_CANDIDATE_ROUTE = 'assay:isCandidateRoute';

/**
 * Marks a controller or route as reachable with a candidate session token
 * (assay_cs_…) and nothing else: the global organization guard steps aside
 * and the candidate guard takes its place. Both happen in this one decorator
 * so a route can never end up skipping the first without getting the second.
 */
export const CandidateRoute = () => applyDecorators(SetMetadata(IS_CANDIDATE_ROUTE, true), UseGuards(CandidateAuthGuard), ApiBearerAuth('candidate'));
