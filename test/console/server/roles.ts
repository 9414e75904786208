/**
 * Role order and comparison [doc]: Viewer < Member < Manager < Admin, with No Access below all
 * when project-level permissions are on. Admin exists only at org level.
 */
import type { ProjectRole } from '../shared/seed';

export type EffectiveRole = ProjectRole | 'admin';

const RANK: Record<EffectiveRole, number> = { no_access: 0, viewer: 1, member: 2, manager: 3, admin: 4 };

export function roleRank(role: EffectiveRole): number {
  return RANK[role];
}

/** The highest of the given roles ("the highest wins" [doc]); null for none. */
export function highestRole<R extends EffectiveRole>(roles: readonly R[]): R | null {
  let best: R | null = null;
  for (const role of roles) if (best === null || RANK[role] > RANK[best]) best = role;
  return best;
}

export const ROLE_LABEL: Record<EffectiveRole, string> = {
  no_access: 'No Access',
  viewer: 'Viewer',
  member: 'Member',
  manager: 'Manager',
  admin: 'Admin',
};
