/**
 * Shares one `ProjectAccess` among every member and project with the same sources.
 *
 * Large orgs have up to a million member × project cells, but few distinct combinations of
 * sources: everyone with only group 'Analysts' on a project, or only a direct Viewer role, has
 * the same cell. Sources are interned (one object per org role, per direct role, per group grant),
 * and combinations are found by walking a trie keyed by source identity, so a cell costs one map
 * lookup per source instead of new arrays and a sort.
 *
 * Cells are shared: treat them as immutable (their types are readonly).
 */
import { resolveProjectAccess } from './project-access';
import type { AccessSource, ProjectAccess } from './report';
import type { OrgRole, ProjectRole } from './roles';

export interface CellNode {
  /** The sources on the path from the root, in the order they were added. */
  readonly sources: readonly AccessSource[];
  children: Map<AccessSource, CellNode> | undefined;
  cell: ProjectAccess | undefined;
  /** The cell's place in `CellCache.table`; -1 until the cell is resolved. */
  index: number;
}

export const ORG_SOURCE: Readonly<Record<Exclude<OrgRole, 'user'>, AccessSource>> = {
  viewer: { kind: 'org', role: 'viewer' },
  member: { kind: 'org', role: 'member' },
  manager: { kind: 'org', role: 'manager' },
  admin: { kind: 'org', role: 'admin' },
};

export const DIRECT_SOURCE: Readonly<Record<ProjectRole, AccessSource>> = {
  no_access: { kind: 'direct', role: 'no_access' },
  viewer: { kind: 'direct', role: 'viewer' },
  member: { kind: 'direct', role: 'member' },
  manager: { kind: 'direct', role: 'manager' },
};

export interface CellCache {
  readonly root: CellNode;
  /** The node for `node`'s sources plus `source`. */
  extend(node: CellNode, source: AccessSource): CellNode;
  /** The resolved access for a node's sources, computed once. */
  cellOf(node: CellNode): ProjectAccess;
  /** The resolved cell's place in `table`: a member can keep a number instead of a reference pair. */
  indexOf(node: CellNode): number;
  /** Every cell resolved so far, each once, in the order they were first asked for. */
  readonly table: readonly ProjectAccess[];
}

export function createCellCache(): CellCache {
  const root: CellNode = { sources: [], children: undefined, cell: undefined, index: -1 };
  const table: ProjectAccess[] = [];
  const resolve = (node: CellNode): ProjectAccess => {
    const cell = resolveProjectAccess(node.sources);
    node.cell = cell;
    node.index = table.length;
    table.push(cell);
    return cell;
  };
  return {
    root,
    table,
    extend(node, source) {
      const children = (node.children ??= new Map());
      let child = children.get(source);
      if (!child) {
        child = { sources: [...node.sources, source], children: undefined, cell: undefined, index: -1 };
        children.set(source, child);
      }
      return child;
    },
    cellOf(node) {
      return node.cell ?? resolve(node);
    },
    indexOf(node) {
      if (node.index < 0) resolve(node);
      return node.index;
    },
  };
}
