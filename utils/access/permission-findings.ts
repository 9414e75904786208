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
 * What the permission rules work out per shared cell and project (its escalations, what a union
 * finding says about it), and the org-wide findings: the same for every report of a snapshot,
 * whatever its options. Kept with the snapshot's permission model, as the cells they are keyed by
 * are kept with the snapshot (engine.ts, indexesOf): a report made again works none of it out twice.
 */
interface SnapshotPermissionFindings {
  addsNothing: readonly Finding[];
  escalations: Map<ProjectAccess, Map<string, readonly { group: GroupSource; cell: PermissionEscalationCell }[]>>;
  unions: Map<ProjectAccess, Map<string, UnionParts>>;
}

/** Weak: they live exactly as long as the model, and the model as long as its snapshot. */
const bySnapshotModel = new WeakMap<PermissionModel, SnapshotPermissionFindings>();

function snapshotFindingsOf(snapshot: OrgSnapshot, model: PermissionModel): SnapshotPermissionFindings {
  let known = bySnapshotModel.get(model);
  if (!known) bySnapshotModel.set(model, (known = { addsNothing: addsNothingFindings(snapshot, model), escalations: new Map(), unions: new Map() }));
  return known;
}

/** The ranked rules, plus the permission rules when the snapshot holds custom roles. */
export function withPermissionFindings(base: FindingRules, snapshot: OrgSnapshot): FindingRules {
  const model = permissionModelOf(snapshot);
  if (!model.active) return base;
  const { addsNothing, escalations, unions } = snapshotFindingsOf(snapshot, model);
  const orgWide = [...base.orgWide, ...addsNothing];
  // Cells are shared by many people: each cell's escalations are worked out once per project.
  const escalationsOf = (at: CellAt) => {
    let byProject = escalations.get(at.cell);
    if (!byProject) escalations.set(at.cell, (byProject = new Map()));
    let found = byProject.get(at.project.id);
    if (!found) byProject.set(at.project.id, (found = groupEscalations(at, model)));
    return found;
  };
  // Likewise what a union finding says about a cell (its people aside).
  const unionOf = (at: CellAt) => {
    let byProject = unions.get(at.cell);
    if (!byProject) unions.set(at.cell, (byProject = new Map()));
    let parts = byProject.get(at.project.id);
    if (!parts) byProject.set(at.project.id, (parts = unionParts(at)));
    return parts;
  };
  return {
    orgWide,
    ofMember(access, into = []) {
      base.ofMember(access, into);
      if (access.summary.accessKnown && !access.summary.isOrgAdmin) memberPermissionFindings(access, snapshot.projects, model, into, escalationsOf, unionOf);
      return into;
    },
  };
}

interface CellAt {
  project: Project;
  cell: ProjectAccess;
  permissions: CellPermissions;
}

/** The broadest held role: the most permissions, the first held on a tie. */
function broadestOf(roles: readonly HeldRole[]): HeldRole | undefined {
  let best: HeldRole | undefined;
  for (const role of roles) if (!best || (role.permissions?.size ?? 0) > (best.permissions?.size ?? 0)) best = role;
  return best;
}

function memberPermissionFindings(
  access: MemberAccess,
  projects: readonly Project[],
  model: PermissionModel,
  into: Finding[],
  escalationsOf: (at: CellAt) => readonly { group: GroupSource; cell: PermissionEscalationCell }[],
  unionOf: (at: CellAt) => UnionParts,
): void {
  const { member } = access;
  let escalations: Map<string, { name: string; cells: PermissionEscalationCell[]; projectIds: string[] }> | undefined;
  // Custom roles come from grants: only granted cells can hold one.
  for (let index = 0; index < access.grantedCount; index += 1) {
    const cell = access.grantedAccess(index);
    if (!holdsCustomRole(cell)) continue;
    const project = projects[access.grantedPosition(index)];
    if (!project) continue;
    const permissions = model.cellPermissions(cell);
    if (!permissions.readable) continue;
    const at: CellAt = { project, cell, permissions };
    if (!permissions.coveredBy && permissions.shown.length > 1) into.push(unionFinding(member, project, unionOf(at)));
    for (const { group, cell: entry } of escalationsOf(at)) {
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

/** What a union finding says about a cell on a project, the same for everyone sharing the cell. */
interface UnionParts {
  groupIds: string[];
  roles: AccessSource[];
  broadest: AccessSource;
  extras: { permission: string; sources: readonly AccessSource[] }[];
}

function unionParts({ permissions }: CellAt): UnionParts {
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

/** Each group source on the cell giving permissions the person's own source does not. */
function groupEscalations({ project, cell }: CellAt, model: PermissionModel): { group: GroupSource; cell: PermissionEscalationCell }[] {
  const own = cell.sources.find((source) => source.kind === 'direct') ?? cell.sources.find((source) => source.kind === 'org');
  // Above nothing is no escalation (as in the ranked rule): a group alone is just the access.
  if (!own) return [];
  const ownSet = model.permissionsOf(own);
  if (!ownSet) return [];
  const found: { group: GroupSource; cell: PermissionEscalationCell }[] = [];
  for (const source of cell.sources) {
    if (source.kind !== 'group') continue;
    const given = model.permissionsOf(source);
    if (!given || covers(ownSet, given)) continue;
    const beyond = inCatalogueOrder([...given].filter((permission) => !ownSet.has(permission)));
    found.push({ group: source, cell: { project: project.name, own, given: source, permissions: beyond.map(titleOf) } });
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
