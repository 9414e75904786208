/**
 * Where custom roles (Enterprise RBAC) are held, told from the grants alone: light on purpose, so
 * that the ranked engine and the Members page can ask without the permission catalogue and the
 * union engine (permission-union.ts, permission-findings.ts), which the page loads on demand for
 * orgs that hold custom roles (members.content/access-permissions-file.ts).
 */
import type { CustomRoleRef, OrgSnapshot } from './model';
import type { AccessSource, ProjectAccess } from './report';

/** True when some source of the cell is a custom role. */
export function holdsCustomRole(cell: Pick<ProjectAccess, 'sources'>): boolean {
  for (const source of cell.sources) if (source.kind !== 'org' && source.customRole) return true;
  return false;
}

type Holders = Pick<OrgSnapshot, 'members' | 'groups'>;

const holding = new WeakMap<Holders, boolean>();

/** True when some grant of the org, direct or through a group, is a custom role; asked once per snapshot. */
export function snapshotHoldsCustomRoles(snapshot: Holders): boolean {
  let holds = holding.get(snapshot);
  if (holds === undefined) {
    holds =
      snapshot.groups.some((group) => group.projectRoles.some((grant) => grant.customRole)) ||
      snapshot.members.some((member) => member.projectRoles.some((grant) => grant.customRole));
    holding.set(snapshot, holds);
  }
  return holds;
}

/** Interned sources for custom roles given directly: cells are shared by source identity (cell-cache.ts). */
export interface CustomSources {
  direct(role: CustomRoleRef): AccessSource;
}

export function createCustomSources(): CustomSources {
  const direct = new Map<string, AccessSource>();
  return {
    direct(role) {
      let source = direct.get(role.id);
      if (!source) direct.set(role.id, (source = { kind: 'direct', role: 'member', customRole: role }));
      return source;
    },
  };
}
