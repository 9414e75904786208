/**
 * The effective-access engine: for every member and project, the role that applies and every
 * source behind it. Pure: a snapshot in, a report out.
 *
 * Rules [doc, console-reference §3]:
 * - The highest role wins across all sources.
 * - An org Admin is Admin on every project.
 * - Org-level mode: the org role applies to every project; groups may add project roles (highest
 *   wins). Direct per-project roles exist only in project-level mode, so they are not read here.
 * - Project-level mode: the org role 'user' grants nothing; direct roles and group roles combine;
 *   No Access is a value and grants nothing.
 *
 * Cost: O(members + grants): each member gets one shared baseline cell for the projects their
 * grants do not touch, plus one lookup per grant they actually hold (see cell-cache.ts). The cell
 * cache, the group grants it is keyed by and every member's access (which the options do not
 * change) are kept with the snapshot (indexesOf): a report made again for the same snapshot (new
 * finding options, the preview then the report) computes no member and resolves no cell twice;
 * only its findings are made anew.
 */
import { type CellCache, type CellNode, createCellCache, DIRECT_SOURCE, ORG_SOURCE } from './cell-cache';
import type { Finding } from './finding';
import { createFindingRules, type FindingOptions, type FindingRules } from './findings';
import { createCustomSources, type CustomSources } from './custom-roles';
import { indexGroupsByMember } from './group-index';
import { type Group, knownOrgRole, type Member, type OrgSnapshot, type Project, projectAccessReadable } from './model';
import type { AccessReport, AccessSource, MemberAccess, MemberAccessSummary, ProjectAccess } from './report';
import { appendGranted, createGrantedStore, type GrantedStore, trimGranted } from './granted-store';
import type { Role } from './roles';
import { createSummaryInterner, emptyRoleCounts, type SummaryFacts } from './summary';

export type AccessReportOptions = FindingOptions;

/**
 * The permission rules of orgs with custom roles (RBAC): permission-findings.ts, passed in rather
 * than imported, because they bring the union engine and the permission catalogue, which the
 * Members page loads on demand and only for an org that holds custom roles
 * (members.content/access-permissions-file.ts). Without them a report holds the ranked findings
 * alone (an org without custom roles gets exactly these either way), so whoever computes the report
 * of an org with custom roles passes them.
 */
export interface PermissionFindings {
  withPermissionFindings(base: FindingRules, snapshot: OrgSnapshot): FindingRules;
}

type AccessMode = AccessReport['mode'];

/** A group's grant on one project, as a source object shared by all the group's members. */
interface IndexedGrant {
  projectPosition: number;
  source: AccessSource;
}

interface EngineContext {
  mode: AccessMode;
  /** The pieces behind non-Admins' project access were read (model.ts, projectAccessReadable). */
  readable: boolean;
  projectCount: number;
  projectPosition: ReadonlyMap<string, number>;
  grantsByGroup: ReadonlyMap<string, readonly IndexedGrant[]>;
  cells: CellCache;
  /** Scratch space reused for every member: the node reached so far per project position. */
  nodeAt: (CellNode | undefined)[];
  /** Scratch space reused for every member: the positions their grants touch, in the first slots. */
  touched: number[];
  /** Scratch space reused for every member: how many projects carry each role. */
  counts: Record<Role, number>;
  /** Where every member's granted cells are kept (the report keeps it, not the context). */
  granted: GrantedStore;
  /** Custom roles (RBAC) given directly, one source object per role. */
  customSources: CustomSources;
  /** One shared summary per distinct set of counts and facts. */
  summarize: (projectsByRole: Readonly<Record<Role, number>>, facts: SummaryFacts) => MemberAccessSummary;
}

export function computeAccessReport(snapshot: OrgSnapshot, options: AccessReportOptions = {}, permissions?: PermissionFindings): AccessReport {
  const steps = reportSteps(createBuilder(snapshot, options, permissions), Number.POSITIVE_INFINITY);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

export interface SliceOptions {
  /** Members computed between two pauses; small enough that no slice is a long task (> 50 ms). */
  sliceSize?: number;
  /** Gives the page's own work a turn between slices. */
  pause?: () => Promise<void>;
  /**
   * A preview of the same snapshot, options and permission rules (createAccessPreview): members it
   * already computed are reused, and it keeps answering while the report is computed.
   */
  preview?: AccessPreview;
}

/**
 * The same report, computed in slices with a pause between them, so a 5,000-member org never
 * blocks the console's main thread for long (the page and its inputs stay responsive).
 */
export async function computeAccessReportInSlices(
  snapshot: OrgSnapshot,
  options: AccessReportOptions = {},
  { sliceSize = 400, pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0)), preview }: SliceOptions = {},
  permissions?: PermissionFindings,
): Promise<AccessReport> {
  const builder = preview ? builderOf(preview, snapshot, permissions) : createBuilder(snapshot, options, permissions);
  const steps = reportSteps(builder, sliceSize);
  let step = steps.next();
  while (!step.done) {
    await pause();
    step = steps.next();
  }
  return step.value;
}

/**
 * One member's access and findings, computed on first ask and exactly as the full report will
 * have them: what the badges of the rows on screen need, long before a 5,000-member report is done.
 */
export interface AccessPreview {
  readonly snapshot: OrgSnapshot;
  /** The report's `projects` (the snapshot's): `member(id).perProject[i]` is the access on `projects[i]`. */
  readonly projects: readonly Project[];
  /** The access of one member; undefined for an id the snapshot does not hold. */
  member(memberId: string): MemberAccess | undefined;
  /** The findings that name this member, in the report's order (org-wide first). */
  findingsOf(memberId: string): readonly Finding[];
}

export function createAccessPreview(snapshot: OrgSnapshot, options: AccessReportOptions = {}, permissions?: PermissionFindings): AccessPreview {
  const builder = createBuilder(snapshot, options, permissions);
  const findings = new Map<string, readonly Finding[]>();
  const preview: AccessPreview = {
    snapshot,
    projects: snapshot.projects,
    member(memberId) {
      const index = builder.memberIndex(memberId);
      return index === undefined ? undefined : builder.accessOf(index);
    },
    findingsOf(memberId) {
      let list = findings.get(memberId);
      if (list) return list;
      const access = preview.member(memberId);
      if (!access) return [];
      list = [...builder.rules().orgWide.filter((finding) => finding.memberIds.includes(memberId)), ...builder.rules().ofMember(access)];
      findings.set(memberId, list);
      return list;
    },
  };
  builders.set(preview, builder);
  return preview;
}

/** One report's (or preview's) view of the snapshot's engine state: members are computed once, whoever asks first. */
interface Builder {
  snapshot: OrgSnapshot;
  mode: AccessMode;
  projectPosition: ReadonlyMap<string, number>;
  /** The member's place in `snapshot.members`; undefined for an id the snapshot does not hold. */
  memberIndex(memberId: string): number | undefined;
  /** The access of `snapshot.members[index]`. */
  accessOf(index: number): MemberAccess;
  /** The finding rules, made on first use (the report needs them only at its end). */
  rules(): FindingRules;
  /** The permission rules it was made with, if any. */
  permissions: PermissionFindings | undefined;
}

const builders = new WeakMap<AccessPreview, Builder>();

function builderOf(preview: AccessPreview, snapshot: OrgSnapshot, permissions: PermissionFindings | undefined): Builder {
  const builder = builders.get(preview);
  if (!builder || builder.snapshot !== snapshot) throw new Error('The preview belongs to another snapshot.');
  // A report without the permission rules its preview had (or the other way round) would differ from it.
  if (builder.permissions !== permissions) throw new Error('The preview was made with other permission rules.');
  return builder;
}

/**
 * What every report of one snapshot shares, whatever its options: the indexes, the interned group
 * sources and the cell cache behind them (cells are keyed by source identity, so the sources must
 * be the same objects for a cell to be found again), and every member's access, which follows from
 * the snapshot alone (the options only change findings). A report made again for the same snapshot
 * (new finding thresholds, the preview then the report) computes no member and resolves no cell twice.
 */
interface SnapshotIndexes {
  mode: AccessMode;
  projectPosition: ReadonlyMap<string, number>;
  grantsByGroup: ReadonlyMap<string, readonly IndexedGrant[]>;
  cells: CellCache;
  /** The members' access, by place in `snapshot.members`, each computed on first ask. */
  computed: (MemberAccess | undefined)[];
  /** How many of them are computed. */
  computedCount: number;
  /** What members are computed with, made on first ask. */
  context: EngineContext | undefined;
  /**
   * Each member's groups, while some member is still to be computed: dropped once every one is
   * (one list per member would otherwise stay in the page as long as the snapshot).
   */
  groupsByMember: ReadonlyMap<string, readonly Group[]> | undefined;
}

/** Weak: the indexes live exactly as long as their snapshot (the page drops a snapshot it replaced). */
const indexesBySnapshot = new WeakMap<OrgSnapshot, SnapshotIndexes>();

function indexesOf(snapshot: OrgSnapshot): SnapshotIndexes {
  // An unknown mode computes as project-level (the org role alone grants nothing) and every
  // non-Admin's access is marked unknown (projectAccessReadable), so nothing rests on the choice.
  const mode: AccessMode = snapshot.org.projectLevelPermissions === false ? 'org-level' : 'project-level';
  const known = indexesBySnapshot.get(snapshot);
  // Snapshots are not changed once read; the mode is checked all the same, being cheap and decisive.
  if (known && known.mode === mode) return known;
  const projectPosition = new Map<string, number>();
  snapshot.projects.forEach((project, position) => projectPosition.set(project.id, position));
  const indexes: SnapshotIndexes = {
    mode,
    projectPosition,
    grantsByGroup: indexGroupGrants(snapshot.groups, projectPosition),
    cells: createCellCache(),
    computed: new Array<MemberAccess | undefined>(snapshot.members.length).fill(undefined),
    computedCount: 0,
    context: undefined,
    groupsByMember: undefined,
  };
  indexesBySnapshot.set(snapshot, indexes);
  return indexes;
}

function contextOf(snapshot: OrgSnapshot, indexes: SnapshotIndexes): EngineContext {
  return (indexes.context ??= {
    mode: indexes.mode,
    readable: projectAccessReadable(snapshot),
    projectCount: snapshot.projects.length,
    projectPosition: indexes.projectPosition,
    grantsByGroup: indexes.grantsByGroup,
    cells: indexes.cells,
    nodeAt: new Array<CellNode | undefined>(snapshot.projects.length).fill(undefined),
    touched: new Array<number>(snapshot.projects.length).fill(0),
    counts: emptyRoleCounts(),
    granted: createGrantedStore(indexes.cells.table),
    // Custom roles given directly: one source object per role, kept with the cells they key, or
    // every report would make new sources, miss every cell holding one and grow the cache.
    customSources: createCustomSources(),
    summarize: createSummaryInterner(snapshot.projects.length),
  });
}

/** The access of `snapshot.members[index]`, computed once per snapshot. */
function memberAccessAt(snapshot: OrgSnapshot, indexes: SnapshotIndexes, index: number): MemberAccess {
  const known = indexes.computed[index];
  if (known) return known;
  const member = snapshot.members[index];
  if (!member) throw new RangeError(`No member at ${index}`);
  const groupsByMember = (indexes.groupsByMember ??= indexGroupsByMember(snapshot));
  const access = accessOfMember(member, groupsByMember.get(member.id) ?? NO_GROUPS, contextOf(snapshot, indexes));
  indexes.computed[index] = access;
  indexes.computedCount += 1;
  if (indexes.computedCount === snapshot.members.length) {
    // Every member is in: the shared storage gives back its spare room, the group lists are no longer needed.
    const { granted } = contextOf(snapshot, indexes);
    trimGranted(granted);
    indexes.groupsByMember = undefined;
  }
  return access;
}

const NO_GROUPS: readonly Group[] = Object.freeze([]);

function createBuilder(snapshot: OrgSnapshot, options: AccessReportOptions, permissions: PermissionFindings | undefined): Builder {
  const indexes = indexesOf(snapshot);
  const { mode, projectPosition } = indexes;
  let indexById: Map<string, number> | undefined;
  let rules: FindingRules | undefined;
  return {
    snapshot,
    mode,
    projectPosition,
    memberIndex(memberId) {
      // Only a preview looks members up by id: the full report does not pay for this index.
      if (!indexById) {
        indexById = new Map();
        // Ids are unique in practice; were one repeated, the last member holding it answers, as in the report's map.
        snapshot.members.forEach((member, index) => indexById?.set(member.id, index));
      }
      return indexById.get(memberId);
    },
    // By place in the snapshot: the full report asks every member in order, with no lookup by id.
    accessOf: (index) => memberAccessAt(snapshot, indexes, index),
    rules() {
      if (rules) return rules;
      const ranked = createFindingRules(snapshot, { mode, projects: snapshot.projects }, options);
      return (rules = permissions ? permissions.withPermissionFindings(ranked, snapshot) : ranked);
    },
    permissions,
  };
}

/** Builds the report; yields after every `sliceSize` members, before the findings and after every `sliceSize` members' findings. */
function* reportSteps(builder: Builder, sliceSize: number): Generator<void, AccessReport> {
  const { snapshot, mode, projectPosition } = builder;
  const members = new Map<string, MemberAccess>();
  let inSlice = 0;
  for (let index = 0; index < snapshot.members.length; index += 1) {
    const access = builder.accessOf(index);
    members.set(access.member.id, access);
    if (++inSlice >= sliceSize) {
      inSlice = 0;
      yield;
    }
  }
  if (Number.isFinite(sliceSize)) yield;

  const rules = builder.rules();
  if (Number.isFinite(sliceSize)) yield;
  const findings: Finding[] = [...rules.orgWide];
  inSlice = 0;
  // The findings are made in slices too: on a large org they cost as much as the access itself.
  for (const access of members.values()) {
    rules.ofMember(access, findings);
    if (++inSlice >= sliceSize) {
      inSlice = 0;
      yield;
    }
  }
  return assembleReport(mode, snapshot, projectPosition, members, findings);
}

/** Apart from the builder, so that the report keeps nothing of it (its lookups, its memo) alive. */
function assembleReport(
  mode: AccessMode,
  snapshot: OrgSnapshot,
  projectPosition: ReadonlyMap<string, number>,
  members: ReadonlyMap<string, MemberAccess>,
  findings: readonly Finding[],
): AccessReport {
  return {
    mode,
    readAt: snapshot.readAt,
    projects: snapshot.projects,
    members,
    findings,
    accessOf(memberId, projectId) {
      const position = projectPosition.get(projectId);
      return position === undefined ? undefined : members.get(memberId)?.accessAt(position);
    },
  };
}

function indexGroupGrants(groups: readonly Group[], projectPosition: ReadonlyMap<string, number>): ReadonlyMap<string, readonly IndexedGrant[]> {
  const grantsByGroup = new Map<string, IndexedGrant[]>();
  for (const group of groups) {
    const grants: IndexedGrant[] = [];
    for (const grant of group.projectRoles) {
      const position = projectPosition.get(grant.projectId);
      // A grant on a project we do not know (deleted, or outside the snapshot) cannot be shown.
      if (position === undefined) continue;
      const source: AccessSource = { kind: 'group', groupId: group.id, groupName: group.name, role: grant.role };
      if (grant.customRole) source.customRole = grant.customRole;
      grants.push({ projectPosition: position, source });
    }
    // In project order (stable: one project's grants keep theirs), so a member's touched projects
    // arrive mostly sorted and their insertion sort has little to move.
    grantsByGroup.set(group.id, grants.sort((a, b) => a.projectPosition - b.projectPosition));
  }
  return grantsByGroup;
}

/** The org role as a source: Admin in either mode; the role itself only in org-level mode. */
function orgSourceOf(member: Member, mode: AccessMode): AccessSource | null {
  const role = knownOrgRole(member.orgRole);
  if (role === 'admin') return ORG_SOURCE.admin;
  if (mode === 'project-level' || role === 'user' || role === null) return null;
  return ORG_SOURCE[role];
}

/**
 * Whether this person's access follows from what was read: Admins always; others when the pieces
 * behind project access were read and their org role is known (in project-level orgs a role code
 * we do not know is no Admin, 4 being Admin [code], and grants nothing by itself).
 */
function accessKnownOf(member: Member, context: EngineContext): boolean {
  if (member.orgRole === 'admin') return true;
  return context.readable && (knownOrgRole(member.orgRole) !== null || context.mode === 'project-level');
}

function accessOfMember(member: Member, groups: readonly Group[], context: EngineContext): MemberAccess {
  const { cells, nodeAt, touched, counts } = context;
  const orgSource = orgSourceOf(member, context.mode);
  const start = orgSource ? cells.extend(cells.root, orgSource) : cells.root;

  // Sources beyond the org role, added per project in direct-then-group order. Written out twice
  // rather than through a helper closure: this loop runs once per grant of every member.
  let touchedCount = 0;
  let hasDirectGrants = false;
  if (context.mode === 'project-level') {
    for (const grant of member.projectRoles) {
      const position = context.projectPosition.get(grant.projectId);
      if (position === undefined) continue;
      hasDirectGrants = true;
      const current = nodeAt[position];
      if (!current) touched[touchedCount++] = position;
      nodeAt[position] = cells.extend(current ?? start, grant.customRole ? context.customSources.direct(grant.customRole) : DIRECT_SOURCE[grant.role]);
    }
  }
  let hasGroupGrants = false;
  for (const group of groups) {
    const grants = context.grantsByGroup.get(group.id);
    if (!grants) continue;
    for (const { projectPosition: position, source } of grants) {
      hasGroupGrants = true;
      const current = nodeAt[position];
      if (!current) touched[touchedCount++] = position;
      nodeAt[position] = cells.extend(current ?? start, source);
    }
  }

  const baseline = cells.cellOf(start);
  // Counted from the touched cells and the baseline, not by scanning every project.
  counts.no_access = counts.viewer = counts.member = counts.manager = counts.admin = 0;
  addToCount(counts, baseline.role, context.projectCount - touchedCount);
  const { granted } = context;
  const grantedStart = granted.length;
  if (touchedCount <= SORT_TOUCHED_UP_TO) {
    sortAscending(touched, touchedCount);
    for (let at = 0; at < touchedCount; at += 1) {
      const position = touched[at] ?? 0;
      const node = nodeAt[position];
      if (node) recordGranted(context, position, node);
    }
  } else {
    // Many grants: a walk over every project is already in order and costs less than a sort.
    for (let position = 0; position < context.projectCount; position += 1) {
      const node = nodeAt[position];
      if (node) recordGranted(context, position, node);
    }
  }

  const summary = context.summarize(counts, {
    isOrgAdmin: member.orgRole === 'admin',
    hasDirectGrants,
    hasGroupGrants,
    accessKnown: accessKnownOf(member, context),
  });
  return new SparseMemberAccess(member, groupIdsOf(member, groups), baseline, granted, grantedStart, granted.length - grantedStart, context.projectCount, summary);
}

/** Keeps one touched project's cell in the granted store and counts its role. */
function recordGranted(context: EngineContext, position: number, node: CellNode): void {
  appendGranted(context.granted, position, context.cells.indexOf(node));
  addToCount(context.counts, context.cells.cellOf(node).role, 1);
  context.nodeAt[position] = undefined; // leave the scratch space clean for the next member
}

/**
 * `counts[role] += amount`, spelled out: a store keyed by a variable string was the costliest line
 * of the engine's inner loop (once per granted project of every member); a switch compares interned
 * strings by identity and stores to a known field.
 */
function addToCount(counts: Record<Role, number>, role: Role, amount: number): void {
  switch (role) {
    case 'no_access':
      counts.no_access += amount;
      break;
    case 'viewer':
      counts.viewer += amount;
      break;
    case 'member':
      counts.member += amount;
      break;
    case 'manager':
      counts.manager += amount;
      break;
    case 'admin':
      counts.admin += amount;
      break;
  }
}

/** Up to this many touched projects an insertion sort is cheapest; above it, the projects are walked in order. */
const SORT_TOUCHED_UP_TO = 24;

/** Sorts the first `count` numbers of `values` in place (few: insertion sort, no allocation). */
function sortAscending(values: number[], count: number): void {
  for (let next = 1; next < count; next += 1) {
    const value = values[next] ?? 0;
    let at = next - 1;
    while (at >= 0 && (values[at] ?? 0) > value) {
      values[at + 1] = values[at] ?? 0;
      at -= 1;
    }
    values[at + 1] = value;
  }
}

const NO_GROUP_IDS: readonly string[] = Object.freeze([]);

/** The member's own `groupIds` when they already name exactly these groups in order (the usual case), else a new list. */
function groupIdsOf(member: Member, groups: readonly Group[]): readonly string[] {
  if (groups.length === 0) return NO_GROUP_IDS;
  const own = member.groupIds;
  if (own.length === groups.length && groups.every((group, at) => own[at] === group.id)) return own;
  return groups.map((group) => group.id);
}

/**
 * A member's access as one baseline cell plus the few projects their grants touch, kept in the
 * report's shared granted store (granted-store.ts): most people hold a handful of grants among
 * hundreds of projects, and a dense array, or a pair per grant, per member was most of the page's
 * added memory on a large org.
 */
class SparseMemberAccess implements MemberAccess {
  constructor(
    readonly member: Member,
    readonly groupIds: readonly string[],
    readonly baseline: ProjectAccess,
    private readonly store: GrantedStore,
    private readonly start: number,
    readonly grantedCount: number,
    private readonly projectCount: number,
    readonly summary: MemberAccess['summary'],
  ) {}

  grantedPosition(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.grantedCount) throw new RangeError(`No granted entry ${index}`);
    return this.store.positions[this.start + index] ?? 0;
  }

  grantedAccess(index: number): ProjectAccess {
    if (!Number.isInteger(index) || index < 0 || index >= this.grantedCount) throw new RangeError(`No granted entry ${index}`);
    return this.store.cells[this.store.cellIndexes[this.start + index] ?? 0] ?? this.baseline;
  }

  get granted(): readonly (readonly [number, ProjectAccess])[] {
    const pairs: (readonly [number, ProjectAccess])[] = [];
    for (let index = 0; index < this.grantedCount; index += 1) pairs.push([this.grantedPosition(index), this.grantedAccess(index)]);
    return pairs;
  }

  accessAt(position: number): ProjectAccess | undefined {
    if (!Number.isInteger(position) || position < 0 || position >= this.projectCount) return undefined;
    // Few grants per person, ascending: a linear look is cheaper than any index.
    const { positions, cellIndexes, cells } = this.store;
    const end = this.start + this.grantedCount;
    for (let at = this.start; at < end; at += 1) {
      const here = positions[at] ?? 0;
      if (here === position) return cells[cellIndexes[at] ?? 0] ?? this.baseline;
      if (here > position) break;
    }
    return this.baseline;
  }

  get perProject(): readonly ProjectAccess[] {
    const all = new Array<ProjectAccess>(this.projectCount).fill(this.baseline);
    for (let index = 0; index < this.grantedCount; index += 1) all[this.grantedPosition(index)] = this.grantedAccess(index);
    return all;
  }
}
