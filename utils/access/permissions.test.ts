// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { capabilitiesOf, describeCapabilities } from './permissions';
import catalogue from './rbac-permissions.json';
import { type Role, ROLES } from './roles';

const titlesOf = (role: Role) => capabilitiesOf(role).flatMap((area) => area.capabilities.map((capability) => capability.title));

describe('capabilitiesOf', () => {
  it('holds the whole catalogue of 49 permissions', () => {
    expect(catalogue.permissions).toHaveLength(49);
  });

  it('gives No Access nothing', () => {
    expect(capabilitiesOf('no_access')).toEqual([]);
  });

  it.each([
    { role: 'viewer', has: ['Export cohorts', 'Use chat'], lacks: ['Manage annotations', 'Manage API keys', 'Manage Heatmaps'] },
    { role: 'member', has: ['Manage Heatmaps', 'Manage own Zoning analyses'], lacks: ['Manage API keys', 'Manage deployments'] },
    { role: 'manager', has: ['Manage API keys', 'Manage annotations', 'Manage user permissions'], lacks: ['Manage deployments'] },
    { role: 'admin', has: ['Manage deployments', 'Manage API keys'], lacks: [] },
  ] as { role: Role; has: string[]; lacks: string[] }[])('$role holds its default permissions and no others', ({ role, has, lacks }) => {
    const titles = titlesOf(role);
    for (const title of has) expect(titles).toContain(title);
    for (const title of lacks) expect(titles).not.toContain(title);
    const expected = catalogue.permissions.filter((permission) => permission.default_roles.includes(role)).map((permission) => permission.title);
    expect([...titles].sort()).toEqual([...expected].sort());
  });

  it('groups by product area with readable labels, administration first', () => {
    const areas = capabilitiesOf('manager');
    expect(areas[0]).toMatchObject({ area: 'admin', label: 'Administration' });
    expect(areas.map((area) => area.label)).toContain('Charts & metrics');
    expect(areas.map((area) => area.label)).toContain('Guides & Surveys');
    expect(areas.every((area) => area.capabilities.length > 0)).toBe(true);
    expect(new Set(areas.map((area) => area.area)).size).toBe(areas.length);
  });

  it('gives more to higher roles, as Amplitude’s defaults do', () => {
    const counts = ROLES.map((role) => titlesOf(role).length);
    expect(counts[0]).toBe(0);
    expect(counts[4]).toBe(48);
    expect(counts[3]).toBeGreaterThan(counts[2] ?? 0);
    expect(counts[2]).toBeGreaterThan(counts[1] ?? 0);
  });
});

describe('describeCapabilities', () => {
  it('leads with what sets the role apart from the one below', () => {
    expect(describeCapabilities('manager')).toBe('Manager: can manage API keys, manage project settings, manage user permissions, manage annotations and 43 more.');
    expect(describeCapabilities('admin', { limit: 1 })).toBe('Admin: can manage deployments and 47 more.');
  });

  it('lists everything when the limit allows, joined with "and"', () => {
    const sentence = describeCapabilities('viewer', { limit: 100 });
    expect(sentence.startsWith('Viewer: can manage billing settings, ')).toBe(true);
    expect(sentence).toMatch(/, [a-z][^,]* and [a-z][^,]*\.$/);
    expect(sentence).not.toContain('more');
  });

  it('keeps acronyms and product names as written', () => {
    expect(describeCapabilities('manager', { limit: 50 })).toContain('manage API keys');
    expect(describeCapabilities('manager', { limit: 50 })).toContain('play Session Replays');
  });

  it('says No Access sees nothing, and uses custom names', () => {
    expect(describeCapabilities('no_access')).toBe("No Access: cannot see the project's content.");
    expect(describeCapabilities('member', { limit: 1, customNames: { member: 'Analyst' } })).toMatch(/^Analyst: can /);
  });
});
