/**
 * The access review's permission-level form (RBAC): one row per person, project and permission
 * they hold there, with the sources that give it. CSV through the same formula-safe writer as the
 * role-level form (export.ts, utils/csv.ts), page data with hidden characters as markers.
 * People or cells whose access or custom role could not be read get one row saying so: never a
 * permission that was not read.
 */
import { toCsv } from '../csv';
import { visibleText } from '../text/visible-text';
import { DEFAULT_ROLE_PERMISSIONS, inCatalogueOrder, permissionInfo } from './permission-catalogue';
import { permissionModelOf } from './permission-union';
import { holdsCustomRole } from './custom-roles';
import type { OrgSnapshot } from './model';
import type { AccessReport, AccessSource } from './report';
import { type CustomRoleNames, roleLabel } from './roles';

export const PERMISSION_REVIEW_COLUMNS = ['email', 'name', 'project', 'product area', 'permission', 'sources'] as const;

/** Written where a permission could not be read, in the file's (English) words. */
export const UNREADABLE_PERMISSIONS = 'Unknown (permissions not readable on this console)';

/** "Direct: Analyst", "Group Insights Guild: Marketing", "Org: Admin". */
function describe(source: AccessSource, names?: CustomRoleNames): string {
  const role = source.kind !== 'org' && source.customRole ? source.customRole.name : roleLabel(source.role, names);
  switch (source.kind) {
    case 'org':
      return `Org: ${role}`;
    case 'direct':
      return `Direct: ${role}`;
    case 'group':
      return `Group ${source.groupName}: ${role}`;
  }
}

export function permissionReviewCsv(report: Pick<AccessReport, 'members' | 'projects'>, snapshot: OrgSnapshot, names?: CustomRoleNames): string {
  const model = permissionModelOf(snapshot);
  const lines: string[][] = [];
  for (const access of report.members.values()) {
    const { member, summary } = access;
    report.projects.forEach((project, position) => {
      const person = [visibleText(member.email), visibleText(member.name), visibleText(project.name)];
      const cell = summary.accessKnown ? access.accessAt(position) : undefined;
      if (!cell) {
        lines.push([...person, '', UNREADABLE_PERMISSIONS, '']);
        return;
      }
      let granted: { permission: string; sources: readonly AccessSource[] }[];
      if (holdsCustomRole(cell)) {
        const union = model.cellPermissions(cell);
        if (!union.readable) {
          lines.push([...person, '', UNREADABLE_PERMISSIONS, visibleText(cell.sources.map((source) => describe(source, names)).join('; '))]);
          return;
        }
        granted = [...union.permissions];
      } else {
        const ids = inCatalogueOrder(new Set(cell.sources.flatMap((source) => [...DEFAULT_ROLE_PERMISSIONS[source.role]])));
        granted = ids.map((permission) => ({ permission, sources: cell.sources.filter((source) => DEFAULT_ROLE_PERMISSIONS[source.role].has(permission)) }));
      }
      for (const { permission, sources } of granted) {
        const info = permissionInfo(permission);
        lines.push([...person, info?.area ?? '', info?.title ?? permission, visibleText(sources.map((source) => describe(source, names)).join('; '))]);
      }
    });
  }
  return toCsv([[...PERMISSION_REVIEW_COLUMNS], ...lines]);
}
