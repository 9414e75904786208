/**
 * The RBAC permission catalogue [doc] (`rbac-permissions.json`) as data the engine can compare: an
 * id per permission, and each default role as a set of ids. Custom roles name permissions by these
 * ids (how the console names them is not public: the id is our [guess], made from the title, as the
 * console double does).
 *
 * "Manage any" implies "manage own" (console-reference §3, our reading): "Manage own Zoning
 * analyses" is listed for Member only because Manager and Admin hold "Manage Zoning analyses".
 * Every set here is closed under that implication, so Viewer ⊂ Member ⊂ Manager ⊂ Admin holds and a
 * Manager covers a Member.
 */
import catalogue from './rbac-permissions.json' with { type: 'json' };
import type { Role } from './roles';

export interface PermissionInfo {
  /** e.g. 'manage-api-keys'. */
  id: string;
  /** The catalogue's words, e.g. 'Manage API keys'. */
  title: string;
  /** The catalogue's product area key, e.g. 'admin'. */
  area: string;
  advanced: boolean;
  actions: readonly string[];
}

/** "Manage API keys" -> "manage-api-keys"; "&" reads "and". */
export function permissionIdOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const PERMISSIONS: readonly PermissionInfo[] = catalogue.permissions.map((permission) => ({
  id: permissionIdOf(permission.title),
  title: permission.title,
  area: permission.product_area,
  advanced: permission.advanced,
  actions: permission.actions,
}));

const BY_ID = new Map(PERMISSIONS.map((permission) => [permission.id, permission]));
/** Catalogue order, for listing a set the same way everywhere. */
const ORDER = new Map(PERMISSIONS.map((permission, index) => [permission.id, index]));

export function permissionInfo(id: string): PermissionInfo | undefined {
  return BY_ID.get(id);
}

/** Sorts permission ids in catalogue order (unknown ids last, by id). */
export function inCatalogueOrder(ids: Iterable<string>): string[] {
  return [...ids].sort((a, b) => (ORDER.get(a) ?? Infinity) - (ORDER.get(b) ?? Infinity) || a.localeCompare(b));
}

/** "manage-zoning-analyses" -> ["manage-own-zoning-analyses"]: what holding a permission over any item implies. */
const IMPLIES: ReadonlyMap<string, readonly string[]> = (() => {
  const implies = new Map<string, string[]>();
  for (const permission of PERMISSIONS) {
    const own = /^(\S+) own (.+)$/i.exec(permission.title);
    if (!own) continue;
    const any = BY_ID.get(permissionIdOf(`${own[1]} ${own[2]}`));
    if (any) implies.set(any.id, [...(implies.get(any.id) ?? []), permission.id]);
  }
  return implies;
})();

/** The set with everything its permissions imply ("manage any" brings "manage own"). */
export function closedSet(ids: Iterable<string>): ReadonlySet<string> {
  const set = new Set(ids);
  for (const id of [...set]) for (const implied of IMPLIES.get(id) ?? []) set.add(implied);
  return set;
}

const EMPTY: ReadonlySet<string> = new Set();

/** What each default role holds, closed. No Access holds nothing; Admin holds every permission. */
export const DEFAULT_ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<string>>> = {
  no_access: EMPTY,
  viewer: closedSet(catalogue.permissions.filter((p) => p.default_roles.includes('viewer')).map((p) => permissionIdOf(p.title))),
  member: closedSet(catalogue.permissions.filter((p) => p.default_roles.includes('member')).map((p) => permissionIdOf(p.title))),
  manager: closedSet(catalogue.permissions.filter((p) => p.default_roles.includes('manager')).map((p) => permissionIdOf(p.title))),
  admin: closedSet(PERMISSIONS.map((permission) => permission.id)),
};

/** True when `outer` holds every permission of `inner`. */
export function covers(outer: ReadonlySet<string>, inner: ReadonlySet<string>): boolean {
  if (inner.size > outer.size) return false;
  for (const id of inner) if (!outer.has(id)) return false;
  return true;
}
