// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareRoles, grantsAccess, maxRole, type Role, roleLabel, ROLES } from './roles';

describe('role order', () => {
  it('orders No Access < Viewer < Member < Manager < Admin', () => {
    const shuffled: Role[] = ['manager', 'no_access', 'admin', 'viewer', 'member'];
    expect([...shuffled].sort(compareRoles)).toEqual(['no_access', 'viewer', 'member', 'manager', 'admin']);
    expect(ROLES).toEqual(['no_access', 'viewer', 'member', 'manager', 'admin']);
  });

  it.each([
    { a: 'viewer', b: 'member', sign: -1 },
    { a: 'manager', b: 'member', sign: 1 },
    { a: 'admin', b: 'manager', sign: 1 },
    { a: 'no_access', b: 'viewer', sign: -1 },
    { a: 'member', b: 'member', sign: 0 },
  ] as const)('compareRoles($a, $b) has sign $sign', ({ a, b, sign }) => {
    expect(Math.sign(compareRoles(a, b))).toBe(sign);
  });

  it.each([
    { roles: [], expected: 'no_access' },
    { roles: ['viewer'], expected: 'viewer' },
    { roles: ['viewer', 'manager', 'member'], expected: 'manager' },
    { roles: ['no_access', 'no_access'], expected: 'no_access' },
    { roles: ['manager', 'admin', 'viewer'], expected: 'admin' },
  ] as { roles: Role[]; expected: Role }[])('maxRole($roles) is $expected', ({ roles, expected }) => {
    expect(maxRole(...roles)).toBe(expected);
  });

  it('says which roles grant access at all', () => {
    expect(ROLES.filter(grantsAccess)).toEqual(['viewer', 'member', 'manager', 'admin']);
  });
});

describe('roleLabel', () => {
  it('uses Amplitude’s default names', () => {
    expect(ROLES.map((role) => roleLabel(role))).toEqual(['No Access', 'Viewer', 'Member', 'Manager', 'Admin']);
  });

  it('uses the org’s own name for a renamed role and the default for the rest', () => {
    const names = { manager: 'Project Lead' };
    expect(roleLabel('manager', names)).toBe('Project Lead');
    expect(roleLabel('viewer', names)).toBe('Viewer');
  });
});
