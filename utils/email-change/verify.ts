/**
 * Change of email, the final check after the removal: the old account is gone, its content is with
 * the new one, and the new account holds the planned access. Effective access is compared by the
 * access engine, project by project (old account before vs new account after), so a group or a role
 * that went missing shows up as the role it changed; the team, the groups, the direct roles (when
 * the engine could not compare) and the default project are compared with the plan too, including
 * what the admin filled in, each difference with what to fix by hand. A piece that was not readable
 * and was left empty by the admin's choice has nothing to be compared with: the report says so. Pure.
 */
import { createAccessPreview } from '../access/engine';
import { knownOrgRole, type ContentCounts, type OrgSnapshot } from '../access/model';
import { roleLabel, type Role } from '../access/roles';
import { t } from '../i18n';
import { pieceLabel } from './piece-labels';
import { PLAN_PIECES } from './plan';
import type { AccessBefore, AccessDifference, EmailChange, VerifyReport } from './workflow';

/** Effective role per project (engine), or null when this console does not say enough to tell. */
export function effectiveAccessOf(snapshot: OrgSnapshot, memberId: string): Record<string, Role> | null {
  const access = createAccessPreview(snapshot).member(memberId);
  if (!access || !access.summary.accessKnown) return null;
  const roles: Record<string, Role> = {};
  snapshot.projects.forEach((project, position) => {
    roles[project.id] = access.accessAt(position)?.role ?? 'no_access';
  });
  return roles;
}

export function accessBeforeOf(snapshot: OrgSnapshot, memberId: string, content: ContentCounts | null): AccessBefore {
  const member = snapshot.members.find((candidate) => candidate.id === memberId);
  const orgRole = member ? knownOrgRole(member.orgRole) : null;
  return { orgRole: orgRole ?? 'user', perProject: effectiveAccessOf(snapshot, memberId), content };
}

const CONTENT_KEYS = ['charts', 'dashboards', 'cohorts', 'notebooks'] as const;

/** Every piece of what the old account owned is now with the new one (it may own more: its own). */
export function contentMoved(before: ContentCounts | null, after: ContentCounts | null): boolean | null {
  if (!before || !after) return null;
  return CONTENT_KEYS.every((key) => after[key] >= before[key]);
}

/** What was read of the new account besides the snapshot: its default project (undefined: not readable). */
export interface ReadAfter {
  defaultProjectId?: string | null;
}

export function verifyEmailChange(change: EmailChange, snapshot: OrgSnapshot, contentAfter: ContentCounts | null, readAfter: ReadAfter = {}): VerifyReport {
  const byEmail = (email: string) => snapshot.members.find((member) => member.email.trim().toLowerCase() === email.toLowerCase());
  const oldGone = !snapshot.members.some((member) => member.id === change.old.id) && !byEmail(change.old.email);
  const fresh = byEmail(change.newEmail);
  const projectName = (id: string) => snapshot.projects.find((project) => project.id === id)?.name ?? id;
  const { plan } = change;
  const planned = (source: string) => source === 'read' || source === 'admin';
  const email = change.newEmail;
  const otherDifferences: string[] = [];
  const unchecked: string[] = [];
  let accessDifferences: AccessDifference[] | null = null;

  if (!fresh || fresh.status !== 'joined') {
    otherDifferences.push(t('ecDiffNoNewAccount', { email }));
  } else {
    const after = effectiveAccessOf(snapshot, fresh.id);
    const before = change.before.perProject;
    if (after && before) {
      accessDifferences = Object.keys({ ...before, ...after })
        .filter((id) => (before[id] ?? 'no_access') !== (after[id] ?? 'no_access'))
        .map((id) => ({
          projectId: id,
          projectName: projectName(id),
          expected: roleLabel((before[id] ?? 'no_access') as Role, snapshot.customRoleNames),
          actual: roleLabel((after[id] ?? 'no_access') as Role, snapshot.customRoleNames),
        }));
    }
    const planTeam = plan.team.value === null ? null : (snapshot.teams.find((team) => team.id === plan.team.value)?.name ?? plan.team.value);
    if (planned(plan.team.source) && fresh.team !== planTeam) {
      otherDifferences.push(t('ecDiffTeam', { email, team: planTeam ?? t('ecNoTeam') }));
    }
    if (snapshot.pieces.groups.read) {
      const has = new Set(snapshot.groups.filter((group) => group.memberIds.includes(fresh.id)).map((group) => group.id));
      for (const groupId of plan.groupIds.value) {
        if (!has.has(groupId)) otherDifferences.push(t('ecDiffGroup', { email, group: snapshot.groups.find((group) => group.id === groupId)?.name ?? groupId }));
      }
    } else if (plan.groupIds.value.length > 0) {
      unchecked.push(t('ecUncheckedGroups'));
    }
    // The direct roles planned (read, or filled in by the admin where they were not readable), one
    // by one, when the engine could not compare the effective access (a difference is said once).
    if (accessDifferences === null && planned(plan.projectRoles.source) && plan.projectRoles.value.length > 0) {
      if (!snapshot.pieces.projectRoles.read) unchecked.push(t('ecUncheckedRoles'));
      for (const grant of snapshot.pieces.projectRoles.read ? plan.projectRoles.value : []) {
        const held = fresh.projectRoles.find((candidate) => candidate.projectId === grant.projectId)?.role ?? 'no_access';
        if (held !== grant.role) otherDifferences.push(t('ecDiffRole', { email, project: projectName(grant.projectId), role: roleLabel(grant.role, snapshot.customRoleNames), held: roleLabel(held, snapshot.customRoleNames) }));
      }
    }
    // A default project planned; none planned leaves the choice to the person, nothing to compare.
    const wanted = plan.defaultProjectId.value;
    if (planned(plan.defaultProjectId.source) && wanted !== null) {
      if (readAfter.defaultProjectId === undefined) unchecked.push(t('ecUncheckedDefault', { email, project: projectName(wanted) }));
      else if (readAfter.defaultProjectId !== wanted) otherDifferences.push(t('ecDiffDefault', { email, project: projectName(wanted) }));
    }
  }
  if (accessDifferences === null) unchecked.push(t('ecUncheckedAccess'));
  // Team spaces are never readable per person: what was planned is named, for a check by hand.
  const spaces = plan.teamSpaceIds.value.map((id) => snapshot.teamSpaces.find((space) => space.id === id)?.name ?? id);
  if (plan.teamSpaceIds.source !== 'left-empty') unchecked.push(spaces.length ? t('ecUncheckedSpacesPlanned', { email, spaces: spaces.join(', ') }) : t('ecUncheckedSpaces'));
  // Not readable when planned, and left empty on purpose: nothing to compare with.
  for (const piece of PLAN_PIECES) {
    if (plan[piece].source === 'left-empty') unchecked.push(t('ecUncheckedLeftEmpty', { piece: pieceLabel(piece), email }));
  }
  return { oldGone, contentBefore: change.before.content, contentAfter, contentMoved: contentMoved(change.before.content, contentAfter), accessDifferences, otherDifferences, unchecked };
}

/** What to do by hand for one access difference, in words. */
export function fixForAccessDifference(difference: AccessDifference, email: string): string {
  return t('ecFixAccess', { project: difference.projectName, expected: difference.expected, actual: difference.actual, email });
}
