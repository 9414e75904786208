/**
 * A member's access in words, for a badge, the card and the removal guard: "Admin", "No access",
 * "Manager in 5 of 8 projects". UI side (through t()); the engine's summary is summary.ts.
 */
import type { MemberOrgRole } from './model';
import type { MemberAccessSummary } from './report';
import { compareRoles, type CustomRoleNames, grantsAccess, roleLabel, ROLES } from './roles';
import { t } from '../i18n';

/**
 * The badge text. The highest role leads; lower roles follow with their counts, e.g.
 * "Manager in 2 of 8 projects, Viewer in 3". `customNames` is the org's role wording, if any.
 */
export function describeAccessSummary(summary: MemberAccessSummary, customNames?: CustomRoleNames, orgRole?: MemberOrgRole): string {
  if (summary.isOrgAdmin) return roleLabel('admin', customNames);
  if (!summary.accessKnown) return t('accessUnreadable', { role: orgRole === undefined ? t('roleUnknown') : describeOrgRole(orgRole, customNames) });
  const held = ROLES.filter((role) => grantsAccess(role) && summary.projectsByRole[role] > 0).sort((a, b) => compareRoles(b, a));
  const [top, ...lower] = held.map((role) => ({ label: roleLabel(role, customNames), count: summary.projectsByRole[role] }));
  if (!top) return t('accessNone');
  const total = summary.projectCount;
  const lead =
    top.count === total
      ? total === 1
        ? t('accessOnlyProject', { role: top.label })
        : t('accessAllProjects', { role: top.label, count: total })
      : t('accessSomeProjects', { role: top.label, count: top.count, total });
  return [lead, ...lower.map(({ label, count }) => t('accessAlsoIn', { role: label, count }))].join(', ');
}

/** An org role as the console names it: "Admin", "User", or "role code 7" for a number we do not know. */
export function describeOrgRole(role: MemberOrgRole, customNames?: CustomRoleNames): string {
  if (typeof role !== 'string') return t('roleCode', { code: role.code });
  return role === 'user' ? t('roleUser') : roleLabel(role, customNames);
}
