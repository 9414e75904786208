// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseOrgSnapshot } from './model';
import { buildSnapshot } from './test-snapshot';

const valid = buildSnapshot({
  members: { ana: { roles: { p1: 'manager' }, groupIds: ['g1'] }, bob: { status: 'pending' } },
  groups: { g1: { roles: { p2: 'viewer' }, memberIds: ['ana'] } },
  customRoleNames: { manager: 'Lead' },
});

describe('parseOrgSnapshot', () => {
  it('accepts a complete snapshot and returns it unchanged', () => {
    const result = parseOrgSnapshot(valid);
    expect(result).toEqual({ ok: true, snapshot: valid });
  });

  it('accepts a snapshot without custom role names', () => {
    const { customRoleNames: _omitted, ...withoutNames } = valid;
    expect(parseOrgSnapshot(withoutNames).ok).toBe(true);
  });

  it.each([
    { name: 'an unknown project role', mutate: (data: any) => (data.members[0].projectRoles[0].role = 'owner'), path: 'members[0].projectRoles[0].role' },
    { name: 'Admin as a group role', mutate: (data: any) => (data.groups[0].projectRoles[0].role = 'admin'), path: 'groups[0].projectRoles[0].role' },
    { name: 'a missing org field', mutate: (data: any) => delete data.org.projectLevelPermissions, path: 'org.projectLevelPermissions' },
    { name: 'a date that is not ISO', mutate: (data: any) => (data.members[1].invitedAt = 'yesterday'), path: 'members[1].invitedAt' },
    { name: 'a negative content count', mutate: (data: any) => (data.members[0].content = { charts: -1, dashboards: 0, cohorts: 0, notebooks: 0 }), path: 'members[0].content.charts' },
    { name: 'an unknown status', mutate: (data: any) => (data.members[0].status = 'deactivated'), path: 'members[0].status' },
  ])('rejects $name and names the field', ({ mutate, path }) => {
    const data = structuredClone(valid);
    mutate(data);
    const result = parseOrgSnapshot(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(path);
  });
});
