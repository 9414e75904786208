import { describe, expect, it } from 'vitest';
import { demoSnapshot } from '../invite/test-fixture';
import { fillPiece, planEmailChange, unknownPieces } from './plan';
import { checkNewAddress, planAsInviteRow } from './validate';

const D = 'lumenfield.example';
const plannedFor = (id: string, snapshot = demoSnapshot(), extras = {}) => {
  const result = planEmailChange(snapshot, id, extras);
  if (!result.ok) throw new Error(result.problem);
  return result.plan;
};

describe('planEmailChange', () => {
  it('copies team, groups and direct roles from the snapshot; team spaces are not readable here', () => {
    const plan = plannedFor('u-7', demoSnapshot(), { defaultProjectId: null });
    expect(plan).toEqual({
      orgRole: 'user',
      team: { value: 't-data', source: 'read' },
      groupIds: { value: ['g-1', 'g-4'], source: 'read' },
      projectRoles: { value: [{ projectId: 'p-2', role: 'member' }], source: 'read' },
      defaultProjectId: { value: null, source: 'read' },
      teamSpaceIds: { value: [], source: 'unknown' },
    });
    expect(unknownPieces(plan)).toEqual(['teamSpaceIds']);
  });

  it('marks what this console does not let us read as unknown, never guessed', () => {
    const plan = plannedFor('u-7', demoSnapshot({ unread: ['groups', 'projectRoles', 'teams'] }));
    expect(plan.groupIds).toEqual({ value: [], source: 'unknown' });
    expect(plan.projectRoles).toEqual({ value: [], source: 'unknown' });
    // Without the team list, the teams people are in are still known by name.
    expect(plan.team.source).toBe('read');
    expect(unknownPieces(plan)).toEqual(['groupIds', 'projectRoles', 'defaultProjectId', 'teamSpaceIds']);
  });

  it('leaves out a direct No Access grant, and gives an Admin no project roles', () => {
    expect(plannedFor('u-17').projectRoles.value.some((grant) => grant.role === 'no_access')).toBe(false);
    expect(plannedFor('u-2')).toMatchObject({ orgRole: 'admin', projectRoles: { value: [], source: 'read' } });
  });

  it('refuses a pending invite and an unknown person', () => {
    expect(planEmailChange(demoSnapshot(), 'u-26')).toEqual({ ok: false, problem: 'pending' });
    expect(planEmailChange(demoSnapshot(), 'u-999')).toEqual({ ok: false, problem: 'unknown-person' });
  });

  it('lets the admin fill a piece in, which is then theirs', () => {
    const plan = fillPiece(plannedFor('u-7'), 'teamSpaceIds', ['s-data']);
    expect(plan.teamSpaceIds).toEqual({ value: ['s-data'], source: 'admin' });
    expect(unknownPieces(plan)).not.toContain('teamSpaceIds');
  });
});

describe('checkNewAddress (the bulk invite rules, one row)', () => {
  const snapshot = demoSnapshot();
  const plan = fillPiece(plannedFor('u-7', snapshot, { defaultProjectId: null }), 'teamSpaceIds', ['s-data']);

  it('writes the plan with the names the console shows', () => {
    expect(planAsInviteRow(plan, snapshot, `h.schmidt@${D}`)).toEqual({
      email: `h.schmidt@${D}`,
      team: 'Data',
      groups: 'Product Analysts;Data Platform',
      projects: 'Web App (Staging):Member',
      team_spaces: 'Data Team',
    });
  });

  it('accepts a new address and resolves exactly the plan', () => {
    const check = checkNewAddress(snapshot, plan, `  h.schmidt@${D} `);
    expect(check).toMatchObject({ ok: true, email: `h.schmidt@${D}`, settings: { teamId: 't-data', groupIds: ['g-1', 'g-4'], projectRoles: [{ projectId: 'p-2', role: 'member' }], teamSpaceIds: ['s-data'] } });
  });

  it.each([
    ['not an address', 'hannah', /not a valid email/i],
    ['a member', `grace.liu@${D}`, /already a member/i],
    ['pending', `nina.kowalski@${D}`, /already invited/i],
  ])('refuses %s', (_what, email, reason) => {
    const check = checkNewAddress(snapshot, plan, email);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors.join(' ')).toMatch(reason);
  });

  it('refuses what the invite itself would refuse (a team is needed when the org has teams)', () => {
    const noTeam = fillPiece(plan, 'team', null);
    const check = checkNewAddress(snapshot, noTeam, `h.schmidt@${D}`);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors[0]).toMatch(/^team:/);
  });
});
