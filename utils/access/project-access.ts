/**
 * One cell of the access picture: given every source that applies to a person on a project, which
 * role wins, which sources decide it, and whether the admin can lower it by editing the person.
 */
import type { AccessSource, LoweringBlock, ProjectAccess } from './report';
import { compareRoles } from './roles';

const NO_SOURCES: readonly AccessSource[] = [];

/** "The highest wins" [doc]: the effective role is the maximum over all sources. */
export function resolveProjectAccess(sources: readonly AccessSource[]): ProjectAccess {
  // Array.prototype.sort is stable, so equal roles keep org, direct, group order.
  const ordered = sources.length > 1 ? [...sources].sort((a, b) => compareRoles(b.role, a.role)) : sources;
  const top = ordered[0];
  if (!top) {
    return { role: 'no_access', sources: NO_SOURCES, deciding: NO_SOURCES, canLowerIndividually: false, loweringBlockedBy: 'no-access' };
  }
  const deciding = ordered.filter((source) => source.role === top.role);
  const loweringBlockedBy = loweringBlock(top.role === 'no_access', deciding);
  return { role: top.role, sources: ordered, deciding, canLowerIndividually: loweringBlockedBy === null, loweringBlockedBy };
}

function loweringBlock(noAccess: boolean, deciding: readonly AccessSource[]): LoweringBlock | null {
  if (noAccess) return 'no-access';
  if (deciding.some((source) => source.kind === 'org' && source.role === 'admin')) return 'org-admin';
  // With a tie, lowering the person's own grant leaves the group's equal grant in force.
  if (deciding.some((source) => source.kind === 'group')) return 'group';
  return null;
}
