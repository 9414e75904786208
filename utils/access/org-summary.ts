/**
 * The org at a glance, for the summary panel: joined members by their highest effective role, the
 * Admins (and the sole-Admin / too-many-Admins warnings), people escalated through groups, people
 * with no access, pending invites and the stale ones. Each figure carries the people behind it, so
 * choosing a number can list them. Pure: a report in, numbers and people out.
 */
import type { Finding, FindingOf } from './finding';
import type { Member } from './model';
import type { AccessReport, MemberAccess } from './report';
import { compareRoles, type Role, ROLES } from './roles';

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

export type SummaryListKey = `role:${Role}` | 'custom-roles' | 'escalated' | 'no-access' | 'pending' | 'stale-invites' | 'access-unknown';

export interface OrgSummary {
  /** Joined members by their highest effective role, highest role first (Admin … No Access); only those whose access is known and who hold no custom role. */
  byRole: readonly { role: Role; people: readonly PersonRef[] }[];
  /**
   * RBAC: joined members (not org Admins) who hold a custom role on some project. Custom roles have
   * no rank, so these people are in no role's count rather than under the ranked stand-in the
   * console's data puts beside a custom role (issue 16: never a made-up rank).
   */
  customRoles: readonly PersonRef[];
  /** Joined members whose project access could not be read on this console (in no role's count). */
  accessUnknown: readonly PersonRef[];
  /**
   * False when someone's access could not be read: then who is escalated through a group or has no
   * access at all cannot be told from the data, and those figures must be shown as unknown.
   */
  accessComplete: boolean;
  joinedCount: number;
  /** The sole-Admin or too-many-Admins finding, if any. */
  adminWarning: FindingOf<'sole-admin' | 'too-many-admins'> | null;
  /** Joined and pending members a group lifts above their own role somewhere. */
  escalated: readonly PersonRef[];
  /** Joined members with no access to any project (the engine's `no-access` finding). */
  noAccess: readonly PersonRef[];
  pending: readonly PersonRef[];
  /** Pending invites older than the stale threshold (the engine's `stale-invite` finding). */
  staleInvites: readonly PersonRef[];
}

const ref = (member: Member): PersonRef => ({ id: member.id, name: member.name, email: member.email });

/**
 * Holds a custom role on some project (only granted cells can). Its own small loop rather than
 * permission-union.ts's, so that the summary of an org without custom roles needs none of it.
 */
function holdsCustomRoleSomewhere(access: MemberAccess): boolean {
  for (let index = 0; index < access.grantedCount; index += 1) {
    for (const source of access.grantedAccess(index).sources) if (source.kind !== 'org' && source.customRole) return true;
  }
  return false;
}

/** The people a finding code is about, once each, in the report's member order. */
function peopleWith(report: AccessReport, findings: readonly Finding[], ...codes: Finding['code'][]): PersonRef[] {
  const ids = new Set<string>();
  for (const finding of findings) if (codes.includes(finding.code)) for (const id of finding.memberIds) ids.add(id);
  const people: PersonRef[] = [];
  for (const [id, access] of report.members) if (ids.has(id)) people.push(ref(access.member));
  return people;
}

export function summarizeOrg(report: AccessReport): OrgSummary {
  const byRole = new Map<Role, PersonRef[]>(ROLES.map((role) => [role, []]));
  const pending: PersonRef[] = [];
  const accessUnknown: PersonRef[] = [];
  const customRoles: PersonRef[] = [];
  let accessComplete = true;
  let joinedCount = 0;
  for (const access of report.members.values()) {
    const { member, summary } = access;
    if (!summary.accessKnown) accessComplete = false;
    if (member.status === 'pending') {
      pending.push(ref(member));
      continue;
    }
    joinedCount += 1;
    if (!summary.accessKnown) accessUnknown.push(ref(member));
    else if (!summary.isOrgAdmin && holdsCustomRoleSomewhere(access)) customRoles.push(ref(member));
    else byRole.get(summary.highestRole)?.push(ref(member));
  }
  const roles = [...ROLES].sort((a, b) => compareRoles(b, a));
  return {
    byRole: roles.map((role) => ({ role, people: byRole.get(role) ?? [] })),
    customRoles,
    accessUnknown,
    accessComplete,
    joinedCount,
    adminWarning: report.findings.find((finding): finding is FindingOf<'sole-admin' | 'too-many-admins'> => finding.code === 'sole-admin' || finding.code === 'too-many-admins') ?? null,
    // By rank, or (custom roles) by permissions a group gives beyond the person's own role.
    escalated: peopleWith(report, report.findings, 'escalated-through-group', 'permission-escalation'),
    noAccess: peopleWith(report, report.findings, 'no-access'),
    pending,
    staleInvites: peopleWith(report, report.findings, 'stale-invite'),
  };
}

/** The people behind one figure of the summary. */
export function peopleFor(summary: OrgSummary, key: SummaryListKey): readonly PersonRef[] {
  switch (key) {
    case 'escalated':
      return summary.escalated;
    case 'no-access':
      return summary.noAccess;
    case 'pending':
      return summary.pending;
    case 'stale-invites':
      return summary.staleInvites;
    case 'access-unknown':
      return summary.accessUnknown;
    case 'custom-roles':
      return summary.customRoles;
    default: {
      const role = key.slice('role:'.length) as Role;
      return summary.byRole.find((entry) => entry.role === role)?.people ?? [];
    }
  }
}

export interface GroupEscalation {
  /** Distinct members this group lifts above their own role on at least one project (by rank, or by permissions with custom roles). */
  memberIds: readonly string[];
  /** The default roles it lifts them to, highest first. */
  roles: readonly Role[];
  /** RBAC: the custom roles (names) through which it gives permissions beyond the person's own role, first met first. */
  customRoles: readonly string[];
}

/**
 * Per group id: whom the group escalates and to what, from the engine's `escalated-through-group`
 * findings (by rank) and `permission-escalation` findings (custom roles: by permissions).
 */
export function escalationsByGroup(report: AccessReport, groups: readonly { id: string; projectRoles: readonly { projectId: string; role: Role }[] }[]): Map<string, GroupEscalation> {
  const result = new Map<string, GroupEscalation>();
  const grantsOf = new Map(groups.map((group) => [group.id, new Map(group.projectRoles.map((grant) => [grant.projectId, grant.role]))]));
  const gathered = new Map<string, { members: Set<string>; roles: Set<Role>; customRoles: Set<string> }>();
  for (const group of groups) gathered.set(group.id, { members: new Set(), roles: new Set(), customRoles: new Set() });
  for (const finding of report.findings) {
    if (finding.code === 'escalated-through-group') {
      for (const groupId of finding.groupIds) {
        const entry = gathered.get(groupId);
        if (!entry) continue;
        for (const id of finding.memberIds) entry.members.add(id);
        const grants = grantsOf.get(groupId);
        const given = finding.projectIds.map((projectId) => grants?.get(projectId) ?? 'no_access');
        for (const role of given) if (role !== 'no_access') entry.roles.add(role);
      }
    } else if (finding.code === 'permission-escalation') {
      for (const groupId of finding.groupIds) {
        const entry = gathered.get(groupId);
        if (!entry) continue;
        for (const id of finding.memberIds) entry.members.add(id);
        for (const { given } of finding.params.cells) {
          if (given.kind !== 'org' && given.customRole) entry.customRoles.add(given.customRole.name);
          else if (given.role !== 'no_access') entry.roles.add(given.role);
        }
      }
    }
  }
  for (const [groupId, { members, roles, customRoles }] of gathered) {
    result.set(groupId, { memberIds: [...members], roles: [...roles].sort((a, b) => compareRoles(b, a)), customRoles: [...customRoles] });
  }
  return result;
}
