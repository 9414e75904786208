/**
 * Effective permissions under RBAC: a person holding several roles on one project gets the union
 * of their permissions [doc, console-reference §3]. With custom roles there is no "highest role":
 * the union can be more than any single role held gives.
 *
 * Per cell (the shared ProjectAccess of cell-cache.ts) this gives the union, and for each
 * permission the sources that grant it; the role that covers the union on its own, if any; and
 * whether a custom role's definition could not be read (then nothing is said about permissions).
 * Computed only for cells that hold a custom role, once per cell however many people share it:
 * a cell of default roles alone is the ranked engine's answer (Viewer ⊂ Member ⊂ Manager ⊂ Admin).
 * Pure: no words (permission-words.ts makes them).
 */
import { closedSet, covers, DEFAULT_ROLE_PERMISSIONS, inCatalogueOrder } from './permission-catalogue';
import { snapshotHoldsCustomRoles } from './custom-roles';
import type { CustomRoleRef, OrgSnapshot } from './model';
import type { AccessSource, ProjectAccess } from './report';
import type { Role } from './roles';

/** A role as held on a project: a custom role by id, a default role by value. */
export interface HeldRole {
  /** 'custom:<id>' or the default role value: equal keys are the same role. */
  key: string;
  custom: CustomRoleRef | null;
  /** The default role (for a custom role: its ranked stand-in, never shown). */
  role: Role;
  /** Every source in the cell that gives this role. */
  sources: readonly AccessSource[];
  /** Its permissions (closed); null when its definition could not be read. */
  permissions: ReadonlySet<string> | null;
}

export interface PermissionSources {
  permission: string;
  /** The sources whose role holds it, in the cell's source order. */
  sources: readonly AccessSource[];
}

export interface CellPermissions {
  /** Every distinct role held here, in the cell's source order. */
  roles: readonly HeldRole[];
  /** False when some custom role's definition could not be read: `permissions` is then empty and nothing may be claimed. */
  readable: boolean;
  /** The custom roles whose definitions could not be read. */
  unreadable: readonly CustomRoleRef[];
  /** The union, in catalogue order, each with the sources that grant it. */
  permissions: readonly PermissionSources[];
  /** The single held role whose permissions cover the union; null when none does (or unreadable). */
  coveredBy: HeldRole | null;
  /**
   * What the person is shown as holding here: the covering role alone, else every held role no
   * other held role covers ("Analyst + Marketing"). Unreadable: every held role.
   */
  shown: readonly HeldRole[];
}

export interface PermissionModel {
  /** True when the org holds any custom role grant: without one, nothing here applies. */
  readonly active: boolean;
  /** Whether role definitions were read (a snapshot that holds custom roles but not their permissions). */
  readonly definitionsRead: boolean;
  /** Permissions of one source's role (closed); null when a custom role's definition is not known. */
  permissionsOf(source: AccessSource): ReadonlySet<string> | null;
  /** The cell's permissions; computed once per cell. */
  cellPermissions(cell: ProjectAccess): CellPermissions;
}

const models = new WeakMap<object, PermissionModel>();

/** The model of a snapshot, made once per snapshot (badges, card and findings share it). */
export function permissionModelOf(snapshot: Pick<OrgSnapshot, 'members' | 'groups' | 'roleDefinitions'>): PermissionModel {
  let model = models.get(snapshot);
  if (!model) models.set(snapshot, (model = createPermissionModel(snapshot)));
  return model;
}

export function createPermissionModel(snapshot: Pick<OrgSnapshot, 'members' | 'groups' | 'roleDefinitions'>): PermissionModel {
  const definitions = snapshot.roleDefinitions;
  const definitionsRead = definitions?.read === true;
  const customSets = new Map<string, ReadonlySet<string>>();
  if (definitionsRead) for (const role of definitions.roles) customSets.set(role.id, closedSet(role.permissions));
  const cells = new WeakMap<ProjectAccess, CellPermissions>();

  const permissionsOf = (source: AccessSource): ReadonlySet<string> | null => {
    if (source.kind !== 'org' && source.customRole) return customSets.get(source.customRole.id) ?? null;
    return DEFAULT_ROLE_PERMISSIONS[source.role];
  };

  return {
    active: snapshotHoldsCustomRoles(snapshot),
    definitionsRead,
    permissionsOf,
    cellPermissions(cell) {
      let result = cells.get(cell);
      if (!result) cells.set(cell, (result = computeCell(cell, permissionsOf)));
      return result;
    },
  };
}

function keyOf(source: AccessSource): { key: string; custom: CustomRoleRef | null } {
  if (source.kind !== 'org' && source.customRole) return { key: `custom:${source.customRole.id}`, custom: source.customRole };
  return { key: source.role, custom: null };
}

/** The cell's roles, union and cover. Exported for tests; use `PermissionModel.cellPermissions`. */
export function computeCell(cell: Pick<ProjectAccess, 'sources'>, permissionsOf: (source: AccessSource) => ReadonlySet<string> | null): CellPermissions {
  const byKey = new Map<string, { custom: CustomRoleRef | null; role: Role; sources: AccessSource[]; permissions: ReadonlySet<string> | null }>();
  for (const source of cell.sources) {
    const { key, custom } = keyOf(source);
    const held = byKey.get(key);
    if (held) held.sources.push(source);
    else byKey.set(key, { custom, role: source.role, sources: [source], permissions: permissionsOf(source) });
  }
  const roles: HeldRole[] = [...byKey].map(([key, held]) => ({ key, ...held }));
  const unreadable = roles.filter((role) => role.permissions === null).map((role) => role.custom).filter((custom): custom is CustomRoleRef => custom !== null);
  if (unreadable.length > 0) return { roles, readable: false, unreadable, permissions: [], coveredBy: null, shown: roles };

  const union = new Set<string>();
  for (const role of roles) for (const permission of role.permissions ?? []) union.add(permission);
  // Each permission's sources are listed only when asked (the card, the export): findings mostly need the cover.
  let listed: PermissionSources[] | undefined;
  const listPermissions = (): PermissionSources[] =>
    (listed ??= inCatalogueOrder(union).map((permission) => ({ permission, sources: cell.sources.filter((source) => permissionsOf(source)?.has(permission) === true) })));
  // A role that grants nothing (No Access) is neither a cover nor shown beside others.
  const granting = roles.filter((role) => (role.permissions?.size ?? 0) > 0);
  const coveredBy = granting.find((role) => covers(role.permissions ?? new Set(), union)) ?? null;
  const setOf = (role: HeldRole): ReadonlySet<string> => role.permissions ?? union;
  // Shown beside others unless another held role covers it (of two equal roles, the first is shown).
  const shown = coveredBy
    ? [coveredBy]
    : granting.filter((role, at) => !granting.some((other, otherAt) => other !== role && covers(setOf(other), setOf(role)) && (!covers(setOf(role), setOf(other)) || otherAt < at)));
  return {
    roles,
    readable: true,
    unreadable: [],
    get permissions() {
      return listPermissions();
    },
    coveredBy,
    shown: shown.length > 0 ? shown : roles.slice(0, 1),
  };
}
