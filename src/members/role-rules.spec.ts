import { ROLES, type Role } from '../auth/caller';
import { removesLastOwner, roleChangeRefusal } from './role-rules';

const nonOwners: Role[] = ['admin', 'interviewer', 'reviewer'];

describe('roleChangeRefusal', () => {
  it('lets an owner make any change, including to and from owner', () => {
    for (const from of [null, ...ROLES]) {
      for (const to of [null, ...ROLES]) expect(roleChangeRefusal('owner', from, to)).toBeNull();
    }
  });

  it.each(nonOwners)('refuses %s granting the owner role, by adding or by promoting', (actor) => {
    expect(roleChangeRefusal(actor, null, 'owner')).toMatch(/only an owner/i);
    expect(roleChangeRefusal(actor, 'reviewer', 'owner')).toMatch(/only an owner/i);
  });

  it.each(nonOwners)('refuses %s demoting or removing an owner', (actor) => {
    expect(roleChangeRefusal(actor, 'owner', 'admin')).toMatch(/only an owner/i);
    expect(roleChangeRefusal(actor, 'owner', null)).toMatch(/only an owner/i);
  });

  it('lets an admin move people between the other roles, add and remove them', () => {
    for (const from of [null, ...nonOwners]) {
      for (const to of [null, ...nonOwners]) expect(roleChangeRefusal('admin', from, to)).toBeNull();
    }
  });
});

describe('removesLastOwner', () => {
  it('is true when the only owner is demoted or removed', () => {
    expect(removesLastOwner('owner', 'admin', 1)).toBe(true);
    expect(removesLastOwner('owner', null, 1)).toBe(true);
  });

  it('is false when another owner remains', () => {
    expect(removesLastOwner('owner', 'admin', 2)).toBe(false);
    expect(removesLastOwner('owner', null, 3)).toBe(false);
  });

  it('is false when the owner stays owner or the member is not an owner', () => {
    expect(removesLastOwner('owner', 'owner', 1)).toBe(false);
    expect(removesLastOwner('admin', null, 1)).toBe(false);
    expect(removesLastOwner('reviewer', 'interviewer', 0)).toBe(false);
  });
});
