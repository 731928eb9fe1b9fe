import type { Role } from './caller';
import { MeDto } from './dto/me.dto';

interface OrganizationRow {
  id: string;
  name: string;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  memberships: { role: Role; organization: OrganizationRow }[];
}

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
}

/** The only place auth rows become response bodies: new columns never leak by accident. */
export function toUserMe(organization: OrganizationRow, role: Role, user: UserRow): MeDto {
  return {
    kind: 'user',
    organization: { id: organization.id, name: organization.name },
    role,
    user: { id: user.id, email: user.email, name: user.name },
    memberships: user.memberships.map((m) => ({ organization: { id: m.organization.id, name: m.organization.name }, role: m.role })),
  };
}

export function toApiKeyMe(organization: OrganizationRow, role: Role, apiKey: ApiKeyRow): MeDto {
  return {
    kind: 'apiKey',
    organization: { id: organization.id, name: organization.name },
    role,
    apiKey: { id: apiKey.id, name: apiKey.name, prefix: apiKey.prefix },
  };
}
