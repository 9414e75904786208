import { describe, expect, it } from 'vitest';
import { demoSnapshot } from '@/utils/invite/test-fixture';
import { planEmailChange, unknownPieces } from '@/utils/email-change/plan';
import { applyFill, planLines } from './email-change-plan-view';

const degraded = demoSnapshot({ unread: ['groups', 'projectRoles', 'teamSpaces'] });
const planned = () => {
  const result = planEmailChange(degraded, 'u-7', { defaultProjectId: null });
  if (!result.ok) throw new Error(result.problem);
  return result.plan;
};

describe('the email-change plan as the panel shows it', () => {
  it('gives every piece not read a fill-in from what is readable, and none to what was read', () => {
    const lines = planLines(planned(), degraded, true);
    const line = (piece: string) => lines.find((candidate) => candidate.piece === piece)!;
    expect(lines.map((candidate) => candidate.piece)).toEqual(['orgRole', 'team', 'groupIds', 'projectRoles', 'defaultProjectId', 'teamSpaceIds']);
    expect(line('team')).toMatchObject({ value: 'Data', chosen: false, leftEmpty: false });
    expect(line('team').fillIn).toBeUndefined();
    expect(line('defaultProjectId').fillIn).toBeUndefined();
    // Groups and team spaces: not readable, nor their lists; the direct roles from the projects.
    expect(line('groupIds')).toMatchObject({ value: null, fillIn: { kind: 'many', options: null, leftEmpty: false } });
    expect(line('teamSpaceIds').fillIn).toMatchObject({ kind: 'many', options: null });
    const roles = line('projectRoles').fillIn;
    expect(roles?.kind).toBe('roles');
    expect(roles?.options).toHaveLength(8);
    expect(roles?.kind === 'roles' && roles.roles.map((role) => role.label)).toEqual(['Viewer', 'Member', 'Manager']);
    // A change already sent shows its plan without fill-ins.
    expect(planLines(planned(), degraded, false).some((candidate) => candidate.fillIn)).toBe(false);
  });

  it('applies the panel actions to the plan, and only to pieces that were not read', () => {
    let plan = planned();
    plan = applyFill(plan, 'projectRoles', { type: 'role', id: 'p-2', role: 'member' });
    plan = applyFill(plan, 'groupIds', { type: 'leave-empty', on: true });
    plan = applyFill(plan, 'teamSpaceIds', { type: 'leave-empty', on: true });
    expect(unknownPieces(plan)).toEqual([]);
    const lines = planLines(plan, degraded, true);
    expect(lines.find((line) => line.piece === 'projectRoles')).toMatchObject({ value: 'Web App (Staging): Member', chosen: true, fillIn: { chosen: { 'p-2': 'member' } } });
    expect(lines.find((line) => line.piece === 'groupIds')).toMatchObject({ leftEmpty: true, fillIn: { leftEmpty: true } });
    // Unticking "leave empty" is undecided again; a read piece, an unknown role or piece change nothing.
    expect(unknownPieces(applyFill(plan, 'groupIds', { type: 'leave-empty', on: false }))).toEqual(['groupIds']);
    expect(applyFill(plan, 'team', { type: 'pick', id: 't-eng' })).toBe(plan);
    expect(applyFill(plan, 'projectRoles', { type: 'role', id: 'p-3', role: 'admin' })).toBe(plan);
    expect(applyFill(plan, 'orgRole', { type: 'leave-empty', on: true })).toBe(plan);
  });
});
