/**
 * Words for access under RBAC custom roles (permission-union.ts): the role shown on a project
 * ("Analyst", "Analyst + Marketing"), and a badge's text for someone holding custom roles. UI side
 * (through t()); people without custom roles keep access-words.ts's words exactly.
 */
import type { CellPermissions, HeldRole, PermissionModel } from './permission-union';
import { holdsCustomRole } from './custom-roles';
import type { MemberAccess, ProjectAccess } from './report';
import { type CustomRoleNames, grantsAccess, roleLabel } from './roles';
import { t } from '../i18n';
import { isolatedText } from '../text/visible-text';

/** Several roles held together: a symbol, not words. */
const COMBINED = ' + ';

function heldName(role: HeldRole, names?: CustomRoleNames): string {
  return role.custom ? isolatedText(role.custom.name) : roleLabel(role.role, names);
}

/** The role shown for a cell holding a custom role: the covering role, else the roles combined; unreadable: every role held. */
export function unionRoleLabel(permissions: CellPermissions, names?: CustomRoleNames): string {
  return permissions.readable ? permissions.shown.map((role) => heldName(role, names)).join(COMBINED) : permissions.roles.map((role) => heldName(role, names)).join(', ');
}

/** The role shown for any cell: the union's words where a custom role is held, else the ranked role. */
export function cellRoleLabel(cell: ProjectAccess, model: PermissionModel | null, names?: CustomRoleNames): string {
  return model && holdsCustomRole(cell) ? unionRoleLabel(model.cellPermissions(cell), names) : roleLabel(cell.role, names);
}

/** True when some project of this member holds a custom role (only granted cells can). */
export function holdsCustomRoleAnywhere(access: MemberAccess): boolean {
  for (let index = 0; index < access.grantedCount; index += 1) if (holdsCustomRole(access.grantedAccess(index))) return true;
  return false;
}

/**
 * A badge for someone holding custom roles: "Analyst + Marketing in 1 of 8 projects, Member in 3";
 * when a custom role's permissions could not be read, only the role names and that they are unreadable.
 * Null when the person holds no custom role (access-words.ts says it as today).
 */
export function describeUnionAccess(access: MemberAccess, model: PermissionModel, names?: CustomRoleNames): string | null {
  if (!model.active || access.summary.isOrgAdmin || !access.summary.accessKnown || !holdsCustomRoleAnywhere(access)) return null;
  const unreadable = new Set<string>();
  const counts = new Map<string, number>();
  const total = access.summary.projectCount;
  const count = (label: string, times: number) => counts.set(label, (counts.get(label) ?? 0) + times);
  if (grantsAccess(access.baseline.role)) count(roleLabel(access.baseline.role, names), total - access.grantedCount);
  for (let index = 0; index < access.grantedCount; index += 1) {
    const cell = access.grantedAccess(index);
    if (holdsCustomRole(cell)) {
      const permissions = model.cellPermissions(cell);
      for (const role of permissions.unreadable) unreadable.add(isolatedText(role.name));
      count(unionRoleLabel(permissions, names), 1);
    } else if (grantsAccess(cell.role)) count(roleLabel(cell.role, names), 1);
  }
  if (unreadable.size > 0) return t('accessPermissionsUnreadable', { roles: [...unreadable].join(', ') });
  // Most projects first; ties keep the order first met.
  const [top, ...rest] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!top) return t('accessNone');
  const lead = top[1] === total ? t('accessAllProjects', { role: top[0], count: total }) : t('accessSomeProjects', { role: top[0], count: top[1], total });
  return [lead, ...rest.map(([label, times]) => t('accessAlsoIn', { role: label, count: times }))].join(', ');
}
