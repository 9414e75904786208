/**
 * Findings that come from single member × project cells (a group escalating the person's own
 * role, different roles on one project, a direct role a group makes redundant), gathered per
 * member: escalation once per member and group (its fix is about that group), the others once
 * per member. A per-cell list would run to six figures in a large org and bury the useful ones.
 */
import { type CellIssues, type GroupSource, inspectCell } from './cell-issues';
import { type Finding, makeFinding } from './finding';
import type { Member, Project } from './model';
import { describeSource, groupsPhrase, listing, personName, quoted, type RoleNames } from './phrases';
import type { AccessReport, MemberAccess, ProjectAccess } from './report';
import { roleLabel } from './roles';
import { t } from '../i18n';

/** How many projects a message names before "and N more". */
const NAMED_PROJECTS = 3;

export interface CellFindingContext {
  mode: AccessReport['mode'];
  projects: readonly Project[];
  names: RoleNames;
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

export function cellFindings(access: MemberAccess, context: CellFindingContext): Finding[] {
  const { member } = access;
  const escalations = new Map<string, { name: string; cells: CellAt[] }>();
  const mixed: CellAt[] = [];
  const redundant: CellAt[] = [];

  // The baseline holds the org role at most (one source): only granted projects can have an issue.
  const cellsToInspect = access.baseline.sources.length < 2 ? access.granted : access.perProject.map((cell, position) => [position, cell] as const);
  for (const [position, cell] of cellsToInspect) {
    // Every cell issue needs two sources; most cells have one or none.
    if (!cell || cell.sources.length < 2) continue;
    const issues = context.inspect(cell);
    const project = context.projects[position];
    if (!project) continue;
    const escalating = issues.escalatingGroups.length > 0;
    if (!escalating && !issues.mixedRoles && issues.coveringGroups.length === 0) continue;
    const at: CellAt = { project, cell, issues };
    for (const group of issues.escalatingGroups) {
      const entry = escalations.get(group.groupId);
      if (entry) entry.cells.push(at);
      else escalations.set(group.groupId, { name: group.groupName, cells: [at] });
    }
    if (issues.mixedRoles) mixed.push(at);
    if (issues.coveringGroups.length > 0) redundant.push(at);
  }

  const findings: Finding[] = [];
  for (const [groupId, { name, cells }] of escalations) findings.push(escalated(member, groupId, name, cells, context.names));
  if (mixed.length > 0) findings.push(mixedRoles(member, mixed, context.names));
  if (redundant.length > 0) findings.push(redundantDirect(member, redundant, context.names));
  return findings;
}

const projectIdsOf = (cells: readonly CellAt[]): string[] => cells.map(({ project }) => project.id);

/** Names the first few cells and counts the rest: "'A', 'B', 'C' and 4 more". */
function someOf(cells: readonly CellAt[], describe: (at: CellAt) => string): string {
  const named = cells.slice(0, NAMED_PROJECTS).map(describe);
  return cells.length > NAMED_PROJECTS ? t('listMore', { names: named.join(', '), count: cells.length - NAMED_PROJECTS }) : listing(named);
}

/** Group ids and names drawn from the cells, first appearance first. */
function groupsIn(cells: readonly CellAt[], pick: (at: CellAt) => readonly { groupId: string; groupName: string }[]): { ids: string[]; names: string[] } {
  const byId = new Map<string, string>();
  for (const at of cells) for (const group of pick(at)) if (!byId.has(group.groupId)) byId.set(group.groupId, group.groupName);
  return { ids: [...byId.keys()], names: [...byId.values()] };
}

function escalated(member: Member, groupId: string, groupName: string, cells: readonly CellAt[], names: RoleNames): Finding {
  const who = personName(member);
  // The role this group gives differs per project; read it from the cell.
  const givenIn = (at: CellAt) => roleLabel(at.issues.escalatingGroups.find((group) => group.groupId === groupId)?.role ?? 'no_access', names);
  const ownRole = (at: CellAt) => roleLabel(at.issues.own?.role ?? 'no_access', names);
  const ownKind = cells[0]?.issues.own?.kind === 'org' ? t('findKindOrg') : t('findKindDirect');
  const group = quoted(groupName);
  const [only] = cells;
  const explanation =
    cells.length === 1 && only
      ? t('findEscalatedSingle', { group, who, role: givenIn(only), project: quoted(only.project.name), kind: ownKind, own: ownRole(only) })
      : t('findEscalatedSeveral', {
          group,
          who,
          kind: ownKind,
          count: cells.length,
          list: someOf(cells, (at) => t('findEscalatedItem', { role: givenIn(at), project: quoted(at.project.name), kind: ownKind, own: ownRole(at) })),
        });
  return makeFinding('escalated-through-group', 'warning', [member.id, groupId], { memberIds: [member.id], projectIds: projectIdsOf(cells), groupIds: [groupId] }, {
    explanation,
    fix: t('findEscalatedFix', { group }),
  });
}

const groupSourcesOf = (at: CellAt): GroupSource[] => at.cell.sources.filter((source): source is GroupSource => source.kind === 'group');

function mixedRoles(member: Member, cells: readonly CellAt[], names: RoleNames): Finding {
  const who = personName(member);
  const [only] = cells;
  const explanation =
    cells.length === 1 && only
      ? t('findMixedRolesSingle', {
          who,
          project: quoted(only.project.name),
          sources: listing(only.cell.sources.map((source) => describeSource(source, names))),
          role: roleLabel(only.cell.role, names),
        })
      : t('findMixedRolesSeveral', { who, count: cells.length, list: someOf(cells, (at) => quoted(at.project.name)) });
  return makeFinding('mixed-roles', 'info', [member.id], { memberIds: [member.id], projectIds: projectIdsOf(cells), groupIds: groupsIn(cells, groupSourcesOf).ids }, {
    explanation,
    fix: t('findMixedRolesFix'),
  });
}

function redundantDirect(member: Member, cells: readonly CellAt[], names: RoleNames): Finding {
  const who = personName(member);
  const groups = groupsIn(cells, (at) => at.issues.coveringGroups);
  const [only] = cells;
  let text: Pick<Finding, 'explanation' | 'fix'>;
  if (cells.length === 1 && only) {
    const own = roleLabel(only.issues.own?.role ?? 'no_access', names);
    const best = only.issues.coveringGroups[0]?.role ?? 'no_access';
    text = {
      explanation: t(groups.names.length > 1 ? 'findRedundantSingleGive' : 'findRedundantSingleGives', {
        who,
        own,
        project: quoted(only.project.name),
        groups: groupsPhrase(groups.names),
        role: roleLabel(best, names),
      }),
      fix: t('findRedundantSingleFix', { project: quoted(only.project.name), own, groups: groupsPhrase(groups.names) }),
    };
  } else {
    text = {
      explanation: t('findRedundantSeveral', { who, count: cells.length, list: someOf(cells, (at) => quoted(at.project.name)), groups: groupsPhrase(groups.names) }),
      fix: t('findRedundantSeveralFix', { groups: groupsPhrase(groups.names) }),
    };
  }
  return makeFinding('redundant-direct-grant', 'info', [member.id], { memberIds: [member.id], projectIds: projectIdsOf(cells), groupIds: groups.ids }, text);
}
