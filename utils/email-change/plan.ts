/**
 * Change of email, the plan: what the new address must get so that nothing is lost, read from the
 * org snapshot for the old person (team, permission groups, direct project roles, default project,
 * team spaces, the org role). A piece this console does not let us read is marked `unknown`, never
 * guessed, and the invite waits until the admin has decided it: filled in (`source: 'admin'`) or
 * left empty on purpose (`source: 'left-empty'`, fill-in.ts). Pure.
 */
import { knownOrgRole, type OrgRole, type OrgSnapshot, type ProjectRoleGrant } from '../access/model';

/**
 * Where a piece of the plan comes from: read from the org; not readable here and not decided yet;
 * chosen by the admin; or not readable here and left empty by the admin's explicit choice (the
 * final check cannot compare such a piece with anything, and says so).
 */
export type PieceSource = 'read' | 'unknown' | 'admin' | 'left-empty';

export interface PlanPiece<T> {
  value: T;
  source: PieceSource;
}

export interface EmailChangePlan {
  /** The org role the invite sets ('user' in project-level orgs for everyone but Admins). */
  orgRole: OrgRole;
  /** The team's id (the snapshot's `teams`); null: no team. */
  team: PlanPiece<string | null>;
  groupIds: PlanPiece<string[]>;
  /** Direct project roles above No Access (a direct No Access grants nothing: the invite leaves it out). */
  projectRoles: PlanPiece<ProjectRoleGrant[]>;
  defaultProjectId: PlanPiece<string | null>;
  teamSpaceIds: PlanPiece<string[]>;
}

export type PlanPieceName = Exclude<keyof EmailChangePlan, 'orgRole'>;
/** The pieces in the order the plan shows them. */
export const PLAN_PIECES = ['team', 'groupIds', 'projectRoles', 'defaultProjectId', 'teamSpaceIds'] as const satisfies readonly PlanPieceName[];

/** What else the page could read for the person: the default project ([code] `Users.defaultAppId`); undefined: not readable. */
export interface PlanExtras {
  defaultProjectId?: string | null;
}

export type PlanResult = { ok: true; plan: EmailChangePlan } | { ok: false; problem: 'unknown-person' | 'pending' | 'unknown-org-role' };

const read = <T>(value: T): PlanPiece<T> => ({ value, source: 'read' });
const unknown = <T>(value: T): PlanPiece<T> => ({ value, source: 'unknown' });

export function planEmailChange(snapshot: OrgSnapshot, memberId: string, extras: PlanExtras = {}): PlanResult {
  const member = snapshot.members.find((candidate) => candidate.id === memberId);
  if (!member) return { ok: false, problem: 'unknown-person' };
  // A pending invite is not an account: revoke it and invite the right address instead.
  if (member.status !== 'joined') return { ok: false, problem: 'pending' };
  const orgRole = knownOrgRole(member.orgRole);
  if (orgRole === null) return { ok: false, problem: 'unknown-org-role' };
  const { pieces } = snapshot;

  // The team is read with the people (its name); its id only when the org's teams include it.
  const teamId = member.team === null ? null : (snapshot.teams.find((team) => team.name === member.team)?.id ?? undefined);
  const team = teamId === undefined ? unknown<string | null>(null) : read(teamId);

  // Groups: each group lists its members (piece `groups`); the person lists theirs (piece `projectRoles`).
  const groupIds = pieces.groups.read
    ? read(snapshot.groups.filter((group) => group.memberIds.includes(member.id)).map((group) => group.id))
    : pieces.projectRoles.read
      ? read([...member.groupIds])
      : unknown<string[]>([]);

  // Direct roles exist only with project-level permissions; an Admin is Admin everywhere anyway.
  const projectLevel = snapshot.org.projectLevelPermissions;
  const projectRoles =
    orgRole === 'admin' || projectLevel === false
      ? read<ProjectRoleGrant[]>([])
      : pieces.projectRoles.read && projectLevel === true
        ? read(member.projectRoles.filter((grant) => grant.role !== 'no_access').map((grant) => ({ ...grant })))
        : unknown<ProjectRoleGrant[]>([]);

  const defaultProjectId = extras.defaultProjectId === undefined ? unknown<string | null>(null) : read(extras.defaultProjectId);
  // [guess] No read of the console gives a person's own team spaces (only a group's): the admin says.
  const teamSpaceIds = unknown<string[]>([]);

  return { ok: true, plan: { orgRole, team, groupIds, projectRoles, defaultProjectId, teamSpaceIds } };
}

/** The admin's choice for a piece: it is theirs from now on (a piece read from the org may be changed too). */
export function fillPiece<K extends PlanPieceName>(plan: EmailChangePlan, piece: K, value: EmailChangePlan[K]['value']): EmailChangePlan {
  return { ...plan, [piece]: { value, source: 'admin' } };
}

/** The pieces still undecided (not readable here, neither filled in nor left empty): no invite goes out while there is one. */
export function unknownPieces(plan: EmailChangePlan): PlanPieceName[] {
  return PLAN_PIECES.filter((piece) => plan[piece].source === 'unknown');
}

/** The pieces that were not readable and that the admin chose to leave empty. */
export function leftEmptyPieces(plan: EmailChangePlan): PlanPieceName[] {
  return PLAN_PIECES.filter((piece) => plan[piece].source === 'left-empty');
}
