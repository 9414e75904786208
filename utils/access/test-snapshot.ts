/**
 * Test-only builders for org snapshots: terse specs in, valid `OrgSnapshot`s out.
 * Not imported by any shipped code.
 */
import { ALL_READ, type ContentCounts, type Group, type Member, type MemberOrgRole, type OrgSnapshot, type Piece, type ViewerMay } from './model';
import type { OrgRole, ProjectRole } from './roles';

export interface MemberSpec {
  orgRole?: MemberOrgRole;
  status?: Member['status'];
  name?: string;
  /** Default: `<id>@example.com`. */
  email?: string;
  /** Direct project roles, by project id. */
  roles?: Record<string, ProjectRole>;
  groupIds?: string[];
  invitedAt?: string;
  /** Content counts; default none read (null). */
  content?: ContentCounts | null;
  lastActiveAt?: string | null;
}

export interface GroupSpec {
  name?: string;
  /** The group's project roles, by project id. */
  roles?: Record<string, ProjectRole>;
  memberIds?: string[];
}

export interface SnapshotSpec {
  projectLevel?: boolean;
  /** Project ids; names are derived ("Project p1"). Default: p1, p2, p3. */
  projects?: string[];
  members?: Record<string, MemberSpec>;
  groups?: Record<string, GroupSpec>;
  readAt?: string;
  customRoleNames?: Record<string, string>;
  /** Pieces not read on this console (with a reason naming them). */
  unread?: Piece[];
  viewerMay?: ViewerMay;
  /** Null: the permission mode was not read. */
  projectLevelUnknown?: boolean;
}

export const READ_AT = '2025-06-30T12:00:00.000Z';

const grants = (roles: Record<string, ProjectRole> = {}) => Object.entries(roles).map(([projectId, role]) => ({ projectId, role }));

export function buildMember(id: string, spec: MemberSpec, projectLevel: boolean): Member {
  const status = spec.status ?? 'joined';
  return {
    id,
    email: spec.email ?? `${id}@example.com`,
    name: spec.name ?? `Person ${id}`,
    status,
    orgRole: spec.orgRole ?? (projectLevel ? 'user' : 'viewer'),
    team: null,
    projectRoles: grants(spec.roles),
    groupIds: spec.groupIds ?? [],
    invitedAt: spec.invitedAt ?? '2025-01-01T00:00:00.000Z',
    joinedAt: status === 'joined' ? '2025-01-02T00:00:00.000Z' : null,
    lastActiveAt: spec.lastActiveAt !== undefined ? spec.lastActiveAt : status === 'joined' ? '2025-06-01T00:00:00.000Z' : null,
    content: spec.content ?? null,
  };
}

export function buildGroup(id: string, spec: GroupSpec): Group {
  return {
    id,
    name: spec.name ?? `Group ${id}`,
    description: '',
    projectRoles: grants(spec.roles),
    defaultProjectId: null,
    teamSpaceIds: [],
    memberIds: spec.memberIds ?? [],
  };
}

export function buildSnapshot(spec: SnapshotSpec = {}): OrgSnapshot {
  const projectLevel = spec.projectLevel ?? true;
  const pieces = { ...ALL_READ };
  for (const piece of spec.unread ?? []) pieces[piece] = { read: false, reason: `${piece}: Cannot query field (test)` };
  return {
    org: {
      id: 1,
      url: 'acme',
      name: 'Acme',
      projectLevelPermissions: spec.projectLevelUnknown ? null : projectLevel,
      rbac: spec.projectLevelUnknown ? null : false,
    },
    viewerId: Object.keys(spec.members ?? {})[0] ?? 'nobody',
    viewerMay: spec.viewerMay ?? { invite: null, remove: null },
    projects: (spec.projects ?? ['p1', 'p2', 'p3']).map((id) => ({ id, name: `Project ${id}` })),
    teams: [],
    teamSpaces: [],
    members: Object.entries(spec.members ?? {}).map(([id, member]) => buildMember(id, member, projectLevel)),
    groups: Object.entries(spec.groups ?? {}).map(([id, group]) => buildGroup(id, group)),
    pieces,
    ...(spec.customRoleNames ? { customRoleNames: spec.customRoleNames } : {}),
    readAt: spec.readAt ?? READ_AT,
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so generated orgs are reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedOrgShape {
  members: number;
  projects: number;
  groups: number;
  projectLevel: boolean;
  /** Average groups per member. */
  groupsPerMember: number;
  /** Average projects per group. */
  projectsPerGroup: number;
  /** Average direct grants per member (project-level only). */
  directPerMember: number;
}

const PROJECT_ROLES: readonly ProjectRole[] = ['no_access', 'viewer', 'member', 'manager'];
const ORG_ROLES: readonly OrgRole[] = ['viewer', 'member', 'manager'];

/** A random but reproducible org of the given shape, with a few Admins and pending invites. */
export function generateSnapshot(seed: number, shape: GeneratedOrgShape): OrgSnapshot {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const projectIds = Array.from({ length: shape.projects }, (_, index) => `p${index}`);
  const sample = (count: number): string[] => {
    const chosen = new Set<string>();
    const target = Math.min(projectIds.length, count);
    while (chosen.size < target) chosen.add(pick(projectIds));
    return [...chosen];
  };
  const roles = (count: number): Record<string, ProjectRole> =>
    Object.fromEntries(sample(count).map((projectId) => [projectId, pick(PROJECT_ROLES)]));

  const groups: Record<string, GroupSpec> = {};
  for (let index = 0; index < shape.groups; index += 1) {
    groups[`g${index}`] = { roles: roles(Math.round(random() * 2 * shape.projectsPerGroup)), memberIds: [] };
  }
  const groupIds = Object.keys(groups);
  const members: Record<string, MemberSpec> = {};
  for (let index = 0; index < shape.members; index += 1) {
    const id = `m${index}`;
    const isAdmin = random() < 0.02;
    const orgRole: OrgRole = isAdmin ? 'admin' : shape.projectLevel ? 'user' : pick(ORG_ROLES);
    members[id] = {
      orgRole,
      status: random() < 0.1 ? 'pending' : 'joined',
      roles: shape.projectLevel ? roles(Math.round(random() * 2 * shape.directPerMember)) : {},
    };
    const groupCount = Math.min(groupIds.length, Math.round(random() * 2 * shape.groupsPerMember));
    const memberGroups = new Set<string>();
    while (memberGroups.size < groupCount) memberGroups.add(pick(groupIds));
    for (const groupId of memberGroups) groups[groupId]?.memberIds?.push(id);
  }
  return buildSnapshot({ projectLevel: shape.projectLevel, projects: projectIds, members, groups });
}
