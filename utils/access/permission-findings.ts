/**
 * Findings by permissions, for orgs with custom roles (RBAC), added to the ranked rules of
 * findings.ts without changing them: an org without custom role grants gets the ranked rules back
 * untouched (today's findings, exactly).
 * - 'permission-union': the roles held on a project together grant what no one of them does.
 * - 'permission-escalation': a group's role gives permissions the person's own role does not.
 * - 'custom-role-adds-nothing': a custom role holds nothing beyond the default Member's.
 * Cells whose custom role could not be read are never judged (permission-union.ts, `readable`).
 */
import { covers, DEFAULT_ROLE_PERMISSIONS, inCatalogueOrder, permissionInfo } from './permission-catalogue';
import { type Finding, makeFinding, type PermissionEscalationCell } from './finding';
import type { FindingRules } from './findings';
import type { Member, OrgSnapshot, Project } from './model';
import { type CellPermissions, type HeldRole, permissionModelOf, type PermissionModel } from './permission-union';
import { holdsCustomRole } from './custom-roles';
import type { AccessSource, MemberAccess, ProjectAccess } from './report';

type GroupSource = Extract<AccessSource, { kind: 'group' }>;

const titleOf = (id: string): string => permissionInfo(id)?.title ?? id;

/**
 * What the permission rules work out about one shared cell (cell-cache.ts), whoever holds it and on
 * whichever project: its permissions, what a union finding says, which groups escalate beyond the
 * person's own role. Once per cell; a member then costs a lookup per custom-role cell.
 */
interface CellJudgement {
  permissions: CellPermissions;
  /** What a union finding says about the cell (its person and project aside); null when none is due. */
  union: UnionParts | null;
  /** The groups on the cell that give permissions beyond the person's own role. */
  escalating: readonly GroupEscalation[];
  /** The escalation entries per project position (they name the project), made on first ask. */
  entries: Map<number, readonly { group: GroupSource; cell: PermissionEscalationCell }[]> | null;
}

/**
 * The cells' judgements and the org-wide findings: the same for every report of a snapshot, whatever
 * its options. Kept with the snapshot's permission model, as the cells they are keyed by are kept
 * with the snapshot (engine.ts, indexesOf): a report made again works none of it out twice.
 */
interface SnapshotPermissionFindings {
  addsNothing: readonly Finding[];
  cells: Map<ProjectAccess, CellJudgement>;
}

/** Weak: they live exactly as long as the model, and the model as long as its snapshot. */
const bySnapshotModel = new WeakMap<PermissionModel, SnapshotPermissionFindings>();

function snapshotFindingsOf(snapshot: OrgSnapshot, model: PermissionModel): SnapshotPermissionFindings {
  let known = bySnapshotModel.get(model);
  if (!known) bySnapshotModel.set(model, (known = { addsNothing: addsNothingFindings(snapshot, model), cells: new Map() }));
  return known;
}

/** The ranked rules, plus the permission rules when the snapshot holds custom roles. */
export function withPermissionFindings(base: FindingRules, snapshot: OrgSnapshot): FindingRules {
  const model = permissionModelOf(snapshot);
  if (!model.active) return base;
  const { addsNothing, cells } = snapshotFindingsOf(snapshot, model);
  const orgWide = [...base.orgWide, ...addsNothing];
  const judge = (cell: ProjectAccess): CellJudgement => {
    let judged = cells.get(cell);
    if (!judged) cells.set(cell, (judged = judgeCell(cell, model)));
    return judged;
  };
  return {
    orgWide,
    ofMember(access, into = []) {
      base.ofMember(access, into);
      if (access.summary.accessKnown && !access.summary.isOrgAdmin) memberPermissionFindings(access, snapshot.projects, judge, into);
      return into;
    },
  };
}

function judgeCell(cell: ProjectAccess, model: PermissionModel): CellJudgement {
  const permissions = model.cellPermissions(cell);
  // Unreadable: nothing is said about permissions (permission-union.ts, `readable`).
  if (!permissions.readable) return { permissions, union: null, escalating: [], entries: null };
  const union = !permissions.coveredBy && permissions.shown.length > 1 ? unionParts(permissions) : null;
  return { permissions, union, escalating: groupEscalations(cell, model), entries: null };
}

/** The broadest held role: the most permissions, the first held on a tie. */
function broadestOf(roles: readonly HeldRole[]): HeldRole | undefined {
  let best: HeldRole | undefined;
  for (const role of roles) if (!best || (role.permissions?.size ?? 0) > (best.permissions?.size ?? 0)) best = role;
  return best;
}

function memberPermissionFindings(access: MemberAccess, projects: readonly Project[], judge: (cell: ProjectAccess) => CellJudgement, into: Finding[]): void {
  const { member } = access;
  let escalations: Map<string, { name: string; cells: PermissionEscalationCell[]; projectIds: string[] }> | undefined;
  // Custom roles come from grants: only granted cells can hold one.
  for (let index = 0; index < access.grantedCount; index += 1) {
    const cell = access.grantedAccess(index);
    if (!holdsCustomRole(cell)) continue;
    const judged = judge(cell);
    if (!judged.union && judged.escalating.length === 0) continue;
    const position = access.grantedPosition(index);
    const project = projects[position];
    if (!project) continue;
    if (judged.union) into.push(unionFinding(member, project, judged.union));
    if (judged.escalating.length === 0) continue;
    for (const { group, cell: entry } of escalationEntries(judged, position, project)) {
      const known = (escalations ??= new Map()).get(group.groupId);
      if (known) {
        known.cells.push(entry);
        known.projectIds.push(project.id);
      } else escalations.set(group.groupId, { name: group.groupName, cells: [entry], projectIds: [project.id] });
    }
  }
  if (escalations) {
    for (const [groupId, { name, cells, projectIds }] of escalations) {
      into.push(
        makeFinding('permission-escalation', 'warning', [member.id, groupId], { memberIds: [member.id], projectIds, groupIds: [groupId] }, { who: member, group: name, cells }),
      );
    }
  }
}

/** A cell's escalation entries on one project, shared by everyone holding the cell there. */
function escalationEntries(judged: CellJudgement, position: number, project: Project): readonly { group: GroupSource; cell: PermissionEscalationCell }[] {
  let entries = (judged.entries ??= new Map()).get(position);
  if (!entries) {
    entries = judged.escalating.map(({ group, own, beyond }) => ({ group, cell: { project: project.name, own, given: group, permissions: beyond } }));
    judged.entries.set(position, entries);
  }
  return entries;
}

/** What a union finding says about a cell on a project, the same for everyone sharing the cell. */
interface UnionParts {
  groupIds: string[];
  roles: AccessSource[];
  broadest: AccessSource;
  extras: { permission: string; sources: readonly AccessSource[] }[];
}

function unionParts(permissions: CellPermissions): UnionParts {
  const broadest = broadestOf(permissions.shown) ?? permissions.shown[0]!;
  const broadestSet = broadest.permissions ?? new Set<string>();
  const extras = permissions.permissions
    .filter(({ permission }) => !broadestSet.has(permission))
    .map(({ permission, sources }) => ({ permission: titleOf(permission), sources }));
  const groupIds = [...new Set(permissions.roles.flatMap((role) => role.sources.flatMap((source) => (source.kind === 'group' ? [source.groupId] : []))))];
  return { groupIds, roles: permissions.shown.map((role) => role.sources[0]!), broadest: broadest.sources[0]!, extras };
}

function unionFinding(member: Member, project: Project, parts: UnionParts): Finding {
  return makeFinding(
    'permission-union',
    'warning',
    [member.id, project.id],
    { memberIds: [member.id], projectIds: [project.id], groupIds: parts.groupIds },
    { who: member, project: project.name, roles: parts.roles, broadest: parts.broadest, extras: parts.extras },
  );
}

/** A group on a cell giving permissions beyond the person's own source: the permissions' titles, in catalogue order. */
interface GroupEscalation {
  group: GroupSource;
  own: AccessSource;
  beyond: string[];
}

/** Each group source on the cell giving permissions the person's own source does not. */
function groupEscalations(cell: ProjectAccess, model: PermissionModel): GroupEscalation[] {
  const own = cell.sources.find((source) => source.kind === 'direct') ?? cell.sources.find((source) => source.kind === 'org');
  // Above nothing is no escalation (as in the ranked rule): a group alone is just the access.
  if (!own) return [];
  const ownSet = model.permissionsOf(own);
  if (!ownSet) return [];
  const found: GroupEscalation[] = [];
  for (const source of cell.sources) {
    if (source.kind !== 'group') continue;
    const given = model.permissionsOf(source);
    if (!given || covers(ownSet, given)) continue;
    const beyond = inCatalogueOrder([...given].filter((permission) => !ownSet.has(permission)));
    found.push({ group: source, own, beyond: beyond.map(titleOf) });
  }
  return found;
}

/** Custom roles that hold nothing beyond the default Member's permissions, with how many people hold them. */
function addsNothingFindings(snapshot: OrgSnapshot, model: PermissionModel): Finding[] {
  const definitions = snapshot.roleDefinitions;
  if (!model.definitionsRead || !definitions) return [];
  const findings: Finding[] = [];
  for (const role of definitions.roles) {
    const set = model.permissionsOf({ kind: 'direct', role: 'member', customRole: { id: role.id, name: role.name } });
    if (!set || !covers(DEFAULT_ROLE_PERMISSIONS.member, set)) continue;
    const groupIds = snapshot.groups.filter((group) => group.projectRoles.some((grant) => grant.customRole?.id === role.id)).map((group) => group.id);
    const inGroups = new Set(snapshot.groups.filter((group) => groupIds.includes(group.id)).flatMap((group) => group.memberIds));
    const memberIds = snapshot.members
      .filter((member) => inGroups.has(member.id) || member.projectRoles.some((grant) => grant.customRole?.id === role.id))
      .map((member) => member.id);
    findings.push(makeFinding('custom-role-adds-nothing', 'info', [role.id], { memberIds, groupIds }, { role: role.name, holders: memberIds.length }));
  }
  return findings;
}
