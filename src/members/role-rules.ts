import type { Role } from '../auth/caller';

/**
 * Why `actor` may not move someone from role `from` to role `to`, or null
 * when they may. `from` is null when adding someone, `to` when removing them.
 * The owner role is the only one guarded beyond @Roles: it can only be
 * granted or taken away by an owner.
 */
export function roleChangeRefusal(actor: Role, from: Role | null, to: Role | null): string | null {
  const touchesOwner = from === 'owner' || to === 'owner';
  if (touchesOwner && actor !== 'owner') return 'Only an owner may grant or take away the owner role.';
  return null;
}

/** True when the change would take the owner role from the organization's last owner. */
export function removesLastOwner(from: Role, to: Role | null, ownerCount: number): boolean {
  return from === 'owner' && to !== 'owner' && ownerCount <= 1;
}
