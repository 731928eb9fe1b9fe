import { SetMetadata } from '@nestjs/common';
import type { Role } from './caller';

export const REQUIRED_ROLES = 'assay:roles';

/** Restricts a route to callers holding one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
