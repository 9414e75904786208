/**
 * Change of email, the final check after the removal: the old account is gone, its content is with
 * the new one, and the new account holds the planned access. Effective access is compared by the
 * access engine, project by project (old account before vs new account after), so a group or a role
 * that went missing shows up as the role it changed; the team and the groups are compared too, each
 * difference with what to fix by hand. Pure.
 */
import { createAccessPreview } from '../access/engine';
import { knownOrgRole, type ContentCounts, type OrgSnapshot } from '../access/model';
import { roleLabel, type Role } from '../access/roles';
import { t } from '../i18n';
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

export function verifyEmailChange(change: EmailChange, snapshot: OrgSnapshot, contentAfter: ContentCounts | null): VerifyReport {
  const byEmail = (email: string) => snapshot.members.find((member) => member.email.trim().toLowerCase() === email.toLowerCase());
  const oldGone = !snapshot.members.some((member) => member.id === change.old.id) && !byEmail(change.old.email);
  const fresh = byEmail(change.newEmail);
  const projectName = (id: string) => snapshot.projects.find((project) => project.id === id)?.name ?? id;
  const otherDifferences: string[] = [];
  const unchecked: string[] = [t('ecUncheckedSpaces')];
  let accessDifferences: AccessDifference[] | null = null;

  if (!fresh || fresh.status !== 'joined') {
    otherDifferences.push(t('ecDiffNoNewAccount', { email: change.newEmail }));
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
    const planTeam = change.plan.team.value === null ? null : (snapshot.teams.find((team) => team.id === change.plan.team.value)?.name ?? change.plan.team.value);
    if (change.plan.team.source !== 'unknown' && fresh.team !== planTeam) {
      otherDifferences.push(t('ecDiffTeam', { email: change.newEmail, team: planTeam ?? t('ecNoTeam') }));
    }
    if (snapshot.pieces.groups.read) {
      const has = new Set(snapshot.groups.filter((group) => group.memberIds.includes(fresh.id)).map((group) => group.id));
      for (const groupId of change.plan.groupIds.value) {
        if (!has.has(groupId)) otherDifferences.push(t('ecDiffGroup', { email: change.newEmail, group: snapshot.groups.find((group) => group.id === groupId)?.name ?? groupId }));
      }
    } else {
      unchecked.push(t('ecUncheckedGroups'));
    }
  }
  if (accessDifferences === null) unchecked.push(t('ecUncheckedAccess'));
  return { oldGone, contentBefore: change.before.content, contentAfter, contentMoved: contentMoved(change.before.content, contentAfter), accessDifferences, otherDifferences, unchecked };
}

/** What to do by hand for one access difference, in words. */
export function fixForAccessDifference(difference: AccessDifference, email: string): string {
  return t('ecFixAccess', { project: difference.projectName, expected: difference.expected, actual: difference.actual, email });
}
