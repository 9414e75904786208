/**
 * Change of email, the admin's decisions on the pieces of the plan this console does not let us
 * read (issue 18: "the plan says so and lets the admin fill it in"). Each such piece must be decided
 * before the invite goes out: filled in from what IS readable here (the org's teams, groups,
 * projects, team spaces), or left empty by an explicit choice, so that nothing is left out by
 * oversight. An empty selection is not a decision: leaving a piece empty is its own choice. Pure.
 */
import type { OrgSnapshot, ProjectRole, ProjectRoleGrant } from '../access/model';
import type { EmailChangePlan, PlanPieceName } from './plan';

type Value<K extends PlanPieceName> = EmailChangePlan[K]['value'];

/** What each piece holds when it holds nothing. */
export const EMPTY_VALUE: { [K in PlanPieceName]: Value<K> } = { team: null, groupIds: [], projectRoles: [], defaultProjectId: null, teamSpaceIds: [] };

export type FillChoice<K extends PlanPieceName> = { kind: 'value'; value: Value<K> } | { kind: 'leave-empty' } | { kind: 'undecided' };

const isEmpty = (value: Value<PlanPieceName>): boolean => value === null || (Array.isArray(value) && value.length === 0);

/** The plan with the admin's decision on one piece (an empty value counts as no decision yet). */
export function decidePiece<K extends PlanPieceName>(plan: EmailChangePlan, piece: K, choice: FillChoice<K>): EmailChangePlan {
  if (choice.kind === 'value' && !isEmpty(choice.value)) return { ...plan, [piece]: { value: choice.value, source: 'admin' } };
  const source = choice.kind === 'leave-empty' ? 'left-empty' : 'unknown';
  return { ...plan, [piece]: { value: EMPTY_VALUE[piece], source } };
}

/** One of a list piece's options (a group, a team space) switched on or off. */
export function toggleOption(plan: EmailChangePlan, piece: 'groupIds' | 'teamSpaceIds', id: string, on: boolean): EmailChangePlan {
  const current = plan[piece].source === 'admin' ? plan[piece].value : [];
  const value = on ? [...current.filter((other) => other !== id), id] : current.filter((other) => other !== id);
  return decidePiece(plan, piece, { kind: 'value', value });
}

/** The one option of a single piece (the team, the default project). */
export function pickOption(plan: EmailChangePlan, piece: 'team' | 'defaultProjectId', id: string): EmailChangePlan {
  return decidePiece(plan, piece, { kind: 'value', value: id });
}

/** A direct role on one project; null takes the project out. */
export function setProjectRole(plan: EmailChangePlan, projectId: string, role: ProjectRole | null): EmailChangePlan {
  const current = plan.projectRoles.source === 'admin' ? plan.projectRoles.value : [];
  const others = current.filter((grant) => grant.projectId !== projectId);
  // No Access grants nothing: the invite leaves it out, like a read plan does.
  const value: ProjectRoleGrant[] = role === null || role === 'no_access' ? others : [...others, { projectId, role }];
  return decidePiece(plan, 'projectRoles', { kind: 'value', value });
}

export interface FillOption {
  id: string;
  name: string;
}

/** The roles a direct grant can be filled in with (No Access grants nothing, Admin is org-wide). */
export const FILL_ROLES: readonly ProjectRole[] = ['viewer', 'member', 'manager'];

/**
 * What a piece can be filled in with, from what this console lets us read; null when even the
 * options are not readable here (then leaving it empty is the only choice, and the panel says why).
 * Without the list of teams, the teams people are in are still known by name (read-org.ts).
 */
export function fillOptions(snapshot: OrgSnapshot, piece: PlanPieceName): FillOption[] | null {
  const { pieces } = snapshot;
  switch (piece) {
    case 'team':
      return pieces.teams.read || snapshot.teams.length > 0 ? snapshot.teams : null;
    case 'groupIds':
      return pieces.groups.read ? snapshot.groups.map(({ id, name }) => ({ id, name })) : null;
    case 'projectRoles':
    case 'defaultProjectId':
      // The projects are always read (OrgData): there is no snapshot without them.
      return snapshot.projects;
    case 'teamSpaceIds':
      return pieces.teamSpaces.read ? snapshot.teamSpaces : null;
  }
}
