import type { Role } from '../generated/prisma/client';

export type { Role };
export const ROLES: readonly Role[] = ['owner', 'admin', 'interviewer', 'reviewer'];

/**
 * Who is calling. Every service method takes it first and scopes every query
 * by `organizationId`, so tenancy holds by construction.
 */
export interface Caller {
  organizationId: string;
  role: Role;
  /** Set for people (JWT access tokens). */
  userId: string | null;
  /** Set for integrations (API keys). */
  apiKeyId: string | null;
}
