import { describe, expect, it } from 'vitest';
import type { Piece } from '../access/model';
import { demoSnapshot } from '../invite/test-fixture';
import { decidePiece, fillOptions, pickOption, setProjectRole, toggleOption } from './fill-in';
import { leftEmptyPieces, planEmailChange, unknownPieces } from './plan';
import { checkNewAddress, planAsInviteRow } from './validate';

const D = 'lumenfield.example';
const planned = (unread: Piece[] = [], extras: { defaultProjectId?: string | null } = {}) => {
  const snapshot = demoSnapshot({ unread });
  const result = planEmailChange(snapshot, 'u-7', extras);
  if (!result.ok) throw new Error(result.problem);
  return { snapshot, plan: result.plan };
};

describe('deciding the pieces this console does not let us read', () => {
  it('counts a piece as decided only when filled in or left empty on purpose', () => {
    const { plan } = planned(['groups', 'projectRoles']);
    expect(unknownPieces(plan)).toEqual(['groupIds', 'projectRoles', 'defaultProjectId', 'teamSpaceIds']);
    let next = decidePiece(plan, 'groupIds', { kind: 'leave-empty' });
    next = setProjectRole(next, 'p-2', 'member');
    next = pickOption(next, 'defaultProjectId', 'p-2');
    expect(unknownPieces(next)).toEqual(['teamSpaceIds']);
    expect(leftEmptyPieces(next)).toEqual(['groupIds']);
    expect(next.groupIds).toEqual({ value: [], source: 'left-empty' });
    expect(next.projectRoles).toEqual({ value: [{ projectId: 'p-2', role: 'member' }], source: 'admin' });
    expect(next.defaultProjectId).toEqual({ value: 'p-2', source: 'admin' });
  });

  it('does not take an empty selection for a decision', () => {
    const { plan } = planned();
    const checked = toggleOption(plan, 'teamSpaceIds', 's-data', true);
    expect(checked.teamSpaceIds).toEqual({ value: ['s-data'], source: 'admin' });
    // Unticking the last one is "not decided" again, not "left empty".
    expect(toggleOption(checked, 'teamSpaceIds', 's-data', false).teamSpaceIds).toEqual({ value: [], source: 'unknown' });
    const roles = setProjectRole(setProjectRole(planned(['projectRoles']).plan, 'p-2', 'member'), 'p-2', null);
    expect(roles.projectRoles.source).toBe('unknown');
    // No Access grants nothing: it is not a direct role the invite would give.
    expect(setProjectRole(planned(['projectRoles']).plan, 'p-2', 'no_access').projectRoles.source).toBe('unknown');
  });

  it('clears what was ticked when the admin then leaves the piece empty, and the other way round', () => {
    const { plan } = planned();
    const ticked = toggleOption(toggleOption(plan, 'teamSpaceIds', 's-data', true), 'teamSpaceIds', 's-eng', true);
    expect(ticked.teamSpaceIds.value).toEqual(['s-data', 's-eng']);
    const empty = decidePiece(ticked, 'teamSpaceIds', { kind: 'leave-empty' });
    expect(empty.teamSpaceIds).toEqual({ value: [], source: 'left-empty' });
    expect(toggleOption(empty, 'teamSpaceIds', 's-eng', true).teamSpaceIds).toEqual({ value: ['s-eng'], source: 'admin' });
  });

  it('offers what is readable, and nothing when even the options are not', () => {
    const all = demoSnapshot();
    expect(fillOptions(all, 'teamSpaceIds')?.map((space) => space.id)).toContain('s-data');
    expect(fillOptions(all, 'groupIds')?.length).toBe(all.groups.length);
    expect(all.groups.length).toBeGreaterThan(0);
    const degraded = demoSnapshot({ unread: ['groups', 'projectRoles', 'teamSpaces', 'teams'] });
    expect(fillOptions(degraded, 'groupIds')).toBeNull();
    expect(fillOptions(degraded, 'teamSpaceIds')).toBeNull();
    // Projects are always read; teams are known by the names people carry.
    expect(fillOptions(degraded, 'projectRoles')).toHaveLength(8);
    expect(fillOptions(degraded, 'defaultProjectId')).toHaveLength(8);
    expect(fillOptions(degraded, 'team')?.map((team) => team.name)).toContain('Data');
  });

  it('puts what the admin filled in into the invite, by the bulk invite rules', () => {
    const { snapshot, plan } = planned(['projectRoles']);
    let next = setProjectRole(plan, 'p-2', 'member');
    next = decidePiece(next, 'defaultProjectId', { kind: 'leave-empty' });
    next = toggleOption(next, 'teamSpaceIds', 's-data', true);
    expect(planAsInviteRow(next, snapshot, `h.s@${D}`)).toMatchObject({ projects: 'Web App (Staging):Member', team_spaces: 'Data Team' });
    const check = checkNewAddress(snapshot, next, `h.s@${D}`);
    expect(check).toMatchObject({ ok: true, settings: { projectRoles: [{ projectId: 'p-2', role: 'member' }], teamSpaceIds: ['s-data'], defaultProjectId: null } });
  });
});
