/**
 * What is worth pointing out about one member × project cell, judged from its sources alone.
 * Findings aggregate these per member; a per-cell breakdown can use them to mark the cell.
 */
import type { AccessReport, AccessSource, ProjectAccess } from './report';
import { holdsCustomRole } from './custom-roles';
import { compareRoles } from './roles';

export type GroupSource = Extract<AccessSource, { kind: 'group' }>;

export interface CellIssues {
  /** The person's own role here: the direct role (project-level) or the org role (org-level). */
  own: AccessSource | null;
  /** Groups that give more than `own`, highest first. A group above nothing is not an escalation. */
  escalatingGroups: readonly GroupSource[];
  /** Different roles meet here and no escalation already explains it. */
  mixedRoles: boolean;
  /** Groups that give at least the direct role, so the direct grant changes nothing. */
  coveringGroups: readonly GroupSource[];
}

const NONE: CellIssues = { own: null, escalatingGroups: [], mixedRoles: false, coveringGroups: [] };

export function inspectCell(cell: ProjectAccess, mode: AccessReport['mode']): CellIssues {
  // One source cannot conflict with itself; an org Admin is Admin whatever else applies.
  // A custom role (RBAC) has no rank: its cells are judged by permissions (permission-findings.ts).
  if (cell.sources.length < 2 || cell.role === 'admin' || holdsCustomRole(cell)) return NONE;

  const ownKind = mode === 'project-level' ? 'direct' : 'org';
  const own = cell.sources.find((source) => source.kind === ownKind) ?? null;
  const groups = cell.sources.filter((source): source is GroupSource => source.kind === 'group');

  const escalatingGroups = own ? groups.filter((group) => compareRoles(group.role, own.role) > 0) : [];
  const differentRoles = cell.sources.some((source) => source.role !== cell.role);
  // A direct No Access grants nothing, so there is nothing for a group to make redundant.
  const coveringGroups =
    own?.kind === 'direct' && own.role !== 'no_access' ? groups.filter((group) => compareRoles(group.role, own.role) >= 0) : [];

  return { own, escalatingGroups, mixedRoles: differentRoles && escalatingGroups.length === 0, coveringGroups };
}
