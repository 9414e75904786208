/**
 * The breakdown card's permissions view of one project where a custom role (RBAC) is held: the
 * union of every role's permissions, by product area, each with the sources that grant it; or,
 * when a custom role could not be read, only that, with no permission claimed.
 */
import { permissionInfo } from '@/utils/access/permission-catalogue';
import type { PermissionModel } from '@/utils/access/permission-union';
import { holdsCustomRole } from '@/utils/access/custom-roles';
import { areaLabel, areaRank } from '@/utils/access/permissions';
import type { ProjectAccess } from '@/utils/access/report';
import type { CustomRoleNames } from '@/utils/access/roles';
import { unionRoleLabel } from '@/utils/access/union-words';
import { t } from '@/utils/i18n';
import { isolatedText } from '@/utils/text/visible-text';
import { sourceLabel } from './access-badges-model';

export interface CardPermissionArea {
  label: string;
  items: { title: string; sources: string }[];
}

export interface CardPermissions {
  /** The role shown: "Analyst", "Analyst + Marketing". */
  role: string;
  count: number;
  areas: CardPermissionArea[];
  /** Set instead of `areas` when a custom role's permissions could not be read. */
  unreadable: string | null;
}

/** Null for a cell without a custom role (the card shows it as before). */
export function cardPermissions(cell: ProjectAccess, model: PermissionModel, names?: CustomRoleNames): CardPermissions | null {
  if (!holdsCustomRole(cell)) return null;
  const union = model.cellPermissions(cell);
  const role = unionRoleLabel(union, names);
  if (!union.readable) {
    return { role, count: 0, areas: [], unreadable: t('cardPermissionsUnreadable', { roles: union.unreadable.map((custom) => isolatedText(custom.name)).join(', ') }) };
  }
  const byArea = new Map<string, CardPermissionArea['items']>();
  for (const { permission, sources } of union.permissions) {
    const info = permissionInfo(permission);
    const area = info?.area ?? '';
    const items = byArea.get(area) ?? [];
    items.push({ title: info?.title ?? permission, sources: t('cardPermissionSources', { sources: sources.map((source) => sourceLabel(source, names)).join('; ') }) });
    byArea.set(area, items);
  }
  const areas = [...byArea].sort(([a], [b]) => areaRank(a) - areaRank(b) || a.localeCompare(b)).map(([area, items]) => ({ label: areaLabel(area), items }));
  return { role, count: union.permissions.length, areas, unreadable: null };
}
