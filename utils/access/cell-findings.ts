/**
 * Findings that come from single member × project cells (a group escalating the person's own
 * role, different roles on one project, a direct role a group makes redundant), gathered per
 * member: escalation once per member and group (its fix is about that group), the others once
 * per member. A per-cell list would run to six figures in a large org and bury the useful ones.
 */
import { type CellIssues, type GroupSource, inspectCell } from './cell-issues';
import { type Finding, makeFinding } from './finding';
import type { Member, Project } from './model';
import type { AccessReport, MemberAccess, ProjectAccess } from './report';

export interface CellFindingContext {
  mode: AccessReport['mode'];
  projects: readonly Project[];
  /** Inspects a cell once, however many members share it (cells are shared, see cell-cache.ts). */
  inspect(cell: ProjectAccess): CellIssues;
}

export function createCellInspector(mode: AccessReport['mode']): (cell: ProjectAccess) => CellIssues {
  const inspected = new Map<ProjectAccess, CellIssues>();
  return (cell) => {
    let issues = inspected.get(cell);
    if (!issues) inspected.set(cell, (issues = inspectCell(cell, mode)));
    return issues;
  };
}

interface CellAt {
  project: Project;
  cell: ProjectAccess;
  issues: CellIssues;
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/** The member's cell findings; a shared empty list when there are none (most members: treat it as read-only). */
export function cellFindings(access: MemberAccess, context: CellFindingContext): readonly Finding[] {
  const { member } = access;
  // Made on the first cell with an issue: most members have none, and this runs for every member.
  let escalations: Map<string, { name: string; cells: CellAt[] }> | undefined;
  let mixed: CellAt[] | undefined;
  let redundant: CellAt[] | undefined;

  // The baseline holds the org role at most (one source): only granted projects can have an issue.
  const everyProject = access.baseline.sources.length >= 2;
  const count = everyProject ? context.projects.length : access.grantedCount;
  for (let index = 0; index < count; index += 1) {
    const position = everyProject ? index : access.grantedPosition(index);
    const cell = everyProject ? access.accessAt(index) : access.grantedAccess(index);
    // Every cell issue needs two sources; most cells have one or none.
    if (!cell || cell.sources.length < 2) continue;
    const issues = context.inspect(cell);
    const project = context.projects[position];
    if (!project) continue;
    const escalating = issues.escalatingGroups.length > 0;
    if (!escalating && !issues.mixedRoles && issues.coveringGroups.length === 0) continue;
    const at: CellAt = { project, cell, issues };
    for (const group of issues.escalatingGroups) {
      const entry = (escalations ??= new Map()).get(group.groupId);
      if (entry) entry.cells.push(at);
      else escalations.set(group.groupId, { name: group.groupName, cells: [at] });
    }
    if (issues.mixedRoles) (mixed ??= []).push(at);
    if (issues.coveringGroups.length > 0) (redundant ??= []).push(at);
  }
  if (!escalations && !mixed && !redundant) return NO_FINDINGS;

  const findings: Finding[] = [];
  if (escalations) for (const [groupId, { name, cells }] of escalations) findings.push(escalated(member, groupId, name, cells));
  if (mixed) findings.push(mixedRoles(member, mixed));
  if (redundant) findings.push(redundantDirect(member, redundant));
  return findings;
}

const projectIdsOf = (cells: readonly CellAt[]): string[] => cells.map(({ project }) => project.id);

/** Group ids and names drawn from the cells, first appearance first. */
function groupsIn(cells: readonly CellAt[], pick: (at: CellAt) => readonly { groupId: string; groupName: string }[]): { ids: string[]; names: string[] } {
  const byId = new Map<string, string>();
  for (const at of cells) for (const group of pick(at)) if (!byId.has(group.groupId)) byId.set(group.groupId, group.groupName);
  return { ids: [...byId.keys()], names: [...byId.values()] };
}

function escalated(member: Member, groupId: string, groupName: string, cells: readonly CellAt[]): Finding {
  // The role this group gives differs per project; read it from the cell.
  const params = {
    who: member,
    group: groupName,
    ownKind: cells[0]?.issues.own?.kind === 'org' ? ('org' as const) : ('direct' as const),
    cells: cells.map((at) => ({
      project: at.project.name,
      given: at.issues.escalatingGroups.find((group) => group.groupId === groupId)?.role ?? 'no_access',
      own: at.issues.own?.role ?? 'no_access',
    })),
  };
  return makeFinding('escalated-through-group', 'warning', [member.id, groupId], { memberIds: [member.id], projectIds: projectIdsOf(cells), groupIds: [groupId] }, params);
}

const groupSourcesOf = (at: CellAt): GroupSource[] => at.cell.sources.filter((source): source is GroupSource => source.kind === 'group');

function mixedRoles(member: Member, cells: readonly CellAt[]): Finding {
  const params = { who: member, cells: cells.map((at) => ({ project: at.project.name, sources: at.cell.sources, role: at.cell.role })) };
  return makeFinding('mixed-roles', 'info', [member.id], { memberIds: [member.id], projectIds: projectIdsOf(cells), groupIds: groupsIn(cells, groupSourcesOf).ids }, params);
}

function redundantDirect(member: Member, cells: readonly CellAt[]): Finding {
  const groups = groupsIn(cells, (at) => at.issues.coveringGroups);
  const params = {
    who: member,
    groups: groups.names,
    cells: cells.map((at) => ({ project: at.project.name, own: at.issues.own?.role ?? 'no_access', best: at.issues.coveringGroups[0]?.role ?? 'no_access' })),
  };
  return makeFinding('redundant-direct-grant', 'info', [member.id], { memberIds: [member.id], projectIds: projectIdsOf(cells), groupIds: groups.ids }, params);
}
