/**
 * The shapes the engine produces. Types only, so features and findings can name them without
 * pulling in the engine.
 */
import type { Finding } from './finding';
import type { CustomRoleRef, Member, Project } from './model';
import type { OrgRole, ProjectRole, Role } from './roles';

/** One thing that grants a role on a project. Every source is listed, not only the winner. */
export type AccessSource =
  /** The org-wide role: Admin everywhere, or (org-level mode) the role on every project. */
  | { kind: 'org'; role: Exclude<OrgRole, 'user'> }
  /**
   * A role given to this person on this project (project-level mode). With `customRole` it is a
   * custom role (RBAC), `role` only its ranked stand-in: what it permits is permission-union.ts's.
   */
  | { kind: 'direct'; role: ProjectRole; customRole?: CustomRoleRef }
  /** A permission group the person belongs to, with the role it gives on this project (`customRole` as above). */
  | { kind: 'group'; groupId: string; groupName: string; role: ProjectRole; customRole?: CustomRoleRef };

/** Why the admin cannot lower this person's role on this project by editing the person alone. */
export type LoweringBlock =
  /** Nothing to lower. */
  | 'no-access'
  /** Org Admins are Admin everywhere; only changing the org role lowers that. */
  | 'org-admin'
  /** A group decides; group grants cannot be lowered per user [doc]. */
  | 'group';

/**
 * One member on one project. Shared between every member and project with the same sources
 * (see cell-cache.ts), so it names neither: look it up through the member or `accessOf`.
 * Never mutate one.
 */
export interface ProjectAccess {
  /** The effective role: the highest of all sources; 'no_access' when no source grants anything. */
  role: Role;
  /** Every source, highest first (ties keep org, direct, then group order). */
  sources: readonly AccessSource[];
  /** The sources that decide: all those equal to the effective role (ties: several). Empty when there are no sources. */
  deciding: readonly AccessSource[];
  /**
   * True when editing this person's own grant would lower their role here: their direct role, or
   * in org-level mode their org role (which changes it on every project at once).
   */
  canLowerIndividually: boolean;
  /** Why not, when `canLowerIndividually` is false. */
  loweringBlockedBy: LoweringBlock | null;
}

export interface MemberAccessSummary {
  /** The highest effective role on any project ('admin' for org Admins). */
  highestRole: Role;
  isOrgAdmin: boolean;
  /** Projects where the effective role is above No Access. */
  projectsWithAccess: number;
  /** All projects in the org, the denominator of "in 5 of 8 projects". */
  projectCount: number;
  /** How many projects carry each effective role (No Access included), summing to projectCount. */
  projectsByRole: Readonly<Record<Role, number>>;
  /** Has at least one direct project grant. */
  hasDirectGrants: boolean;
  /** Belongs to at least one group that grants a role on some project. */
  hasGroupGrants: boolean;
  /**
   * False when the org's data did not say enough to compute this person's project access (a piece
   * not readable on this console, or an org role code we do not know): the per-project roles and
   * counts are then only what is known (a lower bound) and must never be shown as their access.
   * Org Admins are always known: Admin everywhere.
   */
  accessKnown: boolean;
}

export interface MemberAccess {
  member: Member;
  /** Every group the member belongs to, in the snapshot's group order. */
  groupIds: readonly string[];
  /**
   * Aligned with `AccessReport.projects`: `perProject[i]` is the access on `projects[i]`. Made
   * afresh on every read (a 5,000 x 200 org would otherwise hold a million references): loops
   * over many members use `accessAt` and `grantedAccess` instead.
   */
  readonly perProject: readonly ProjectAccess[];
  /** The access on every project that no grant of this person's touches (their org role alone, or nothing). */
  readonly baseline: ProjectAccess;
  /**
   * The projects (positions in `AccessReport.projects`, ascending) where a direct or group grant
   * applies, and the access there. Made afresh on every read, like `perProject`: loops over many
   * members use `grantedCount`, `grantedPosition` and `grantedAccess`, which allocate nothing.
   */
  readonly granted: readonly (readonly [position: number, access: ProjectAccess])[];
  /** How many projects `granted` lists. */
  readonly grantedCount: number;
  /** The position of the `index`th granted project (0 <= index < grantedCount). */
  grantedPosition(index: number): number;
  /** The access on the `index`th granted project (0 <= index < grantedCount). */
  grantedAccess(index: number): ProjectAccess;
  /** The access on `projects[position]`; undefined outside the project list. */
  accessAt(position: number): ProjectAccess | undefined;
  /** Shared by every member with the same counts and facts (summary.ts, createSummaryInterner): never mutate one. */
  summary: MemberAccessSummary;
}

export interface AccessReport {
  mode: 'org-level' | 'project-level';
  /** When the underlying data was read (the snapshot's `readAt`). */
  readAt: string;
  projects: readonly Project[];
  /** Keyed by member id, in the snapshot's member order. */
  members: ReadonlyMap<string, MemberAccess>;
  findings: readonly Finding[];
  /** The access of one member on one project; undefined for an unknown member or project. */
  accessOf(memberId: string, projectId: string): ProjectAccess | undefined;
}
