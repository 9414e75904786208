/**
 * The org at a glance, for the summary panel: joined members by their highest effective role, the
 * Admins (and the sole-Admin / too-many-Admins warnings), people escalated through groups, people
 * with no access, pending invites and the stale ones. Each figure carries the people behind it, so
 * choosing a number can list them. Pure: a report in, numbers and people out.
 */
import type { Finding, FindingOf } from './finding';
import type { Member } from './model';
import type { AccessReport } from './report';
import { compareRoles, type Role, ROLES } from './roles';

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

export type SummaryListKey = `role:${Role}` | 'escalated' | 'no-access' | 'pending' | 'stale-invites' | 'access-unknown';

export interface OrgSummary {
  /** Joined members by their highest effective role, highest role first (Admin … No Access); only those whose access is known. */
  byRole: readonly { role: Role; people: readonly PersonRef[] }[];
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
  let accessComplete = true;
  let joinedCount = 0;
  for (const { member, summary } of report.members.values()) {
    if (!summary.accessKnown) accessComplete = false;
    if (member.status === 'pending') {
      pending.push(ref(member));
      continue;
    }
    joinedCount += 1;
    if (summary.accessKnown) byRole.get(summary.highestRole)?.push(ref(member));
    else accessUnknown.push(ref(member));
  }
  const roles = [...ROLES].sort((a, b) => compareRoles(b, a));
  return {
    byRole: roles.map((role) => ({ role, people: byRole.get(role) ?? [] })),
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
    default: {
      const role = key.slice('role:'.length) as Role;
      return summary.byRole.find((entry) => entry.role === role)?.people ?? [];
    }
  }
}

export interface GroupEscalation {
  /** Distinct members this group lifts above their own role on at least one project. */
  memberIds: readonly string[];
  /** The roles it lifts them to, highest first. */
  roles: readonly Role[];
}

/**
 * Per group id: whom the group escalates and to what, from the engine's `escalated-through-group`
 * findings and the group's own grants on the projects concerned.
 */
export function escalationsByGroup(report: AccessReport, groups: readonly { id: string; projectRoles: readonly { projectId: string; role: Role }[] }[]): Map<string, GroupEscalation> {
  const result = new Map<string, GroupEscalation>();
  const grantsOf = new Map(groups.map((group) => [group.id, new Map(group.projectRoles.map((grant) => [grant.projectId, grant.role]))]));
  const gathered = new Map<string, { members: Set<string>; roles: Set<Role> }>();
  for (const group of groups) gathered.set(group.id, { members: new Set(), roles: new Set() });
  for (const finding of report.findings) {
    if (finding.code !== 'escalated-through-group') continue;
    for (const groupId of finding.groupIds) {
      const entry = gathered.get(groupId);
      if (!entry) continue;
      for (const id of finding.memberIds) entry.members.add(id);
      const grants = grantsOf.get(groupId);
      const given = finding.projectIds.map((projectId) => grants?.get(projectId) ?? 'no_access');
      for (const role of given) if (role !== 'no_access') entry.roles.add(role);
    }
  }
  for (const [groupId, { members, roles }] of gathered) {
    result.set(groupId, { memberIds: [...members], roles: [...roles].filter((role) => role !== 'no_access').sort((a, b) => compareRoles(b, a)) });
  }
  return result;
}
