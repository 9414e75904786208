/**
 * The shape of a finding, shared by the org-, member- and cell-level checks. A finding is a code
 * with parameters: the facts its words are made from (names, roles, counts), never the words
 * themselves, so the engine runs anywhere (Node, a worker) without the browser's i18n and the UI
 * says it in the user's language (utils/access/finding-words.ts). Parameters hold role values,
 * not labels: an org's own role names are applied when the words are made.
 */
import type { AccessSource } from './report';
import type { ProjectRole, Role } from './roles';

export type FindingCode = keyof FindingParamsByCode;

/** 'warning': likely wrong or risky today; 'info': worth tidying. */
export type FindingSeverity = 'warning' | 'info';

/** How a finding names a person: their name, or their email when the name is empty. */
export interface FindingPerson {
  name: string;
  email: string;
}

/** One project where a group gives more than the person's own role. */
export interface EscalatedCell {
  project: string;
  /** What the group gives there. */
  given: ProjectRole;
  /** The person's own role there (org or direct, see `ownKind`). */
  own: Role;
}

export interface MixedRolesCell {
  project: string;
  /** Every source on that project, highest first; the effective role is `role`. */
  sources: readonly AccessSource[];
  role: Role;
}

export interface RedundantCell {
  project: string;
  /** The direct role that changes nothing. */
  own: Role;
  /** The best role the covering groups give there. */
  best: Role;
}

/** A permission of the catalogue (its title) with the sources that grant it. */
export interface PermissionWithSources {
  permission: string;
  sources: readonly AccessSource[];
}

/** One project where a group's role gives permissions the person's own role does not. */
export interface PermissionEscalationCell {
  project: string;
  /** The person's own source there (direct, or org in org-level mode). */
  own: AccessSource;
  /** What the group gives there. */
  given: AccessSource;
  /** Titles of the permissions only the group gives, in catalogue order. */
  permissions: readonly string[];
}

export interface FindingParamsByCode {
  /**
   * RBAC: on `project` the roles held together grant more than any one of them (the union [doc]).
   * `roles`: each role shown, as its first source; `broadest`: the held role with the most
   * permissions; `extras`: what the union adds beyond it, with the sources.
   */
  'permission-union': { who: FindingPerson; project: string; roles: readonly AccessSource[]; broadest: AccessSource; extras: readonly PermissionWithSources[] };
  /** RBAC: a group gives permissions beyond the person's own role (escalation by permissions). */
  'permission-escalation': { who: FindingPerson; group: string; cells: readonly PermissionEscalationCell[] };
  /** RBAC: a custom role holding nothing beyond the default Member's permissions; `holders`: people holding it. */
  'custom-role-adds-nothing': { role: string; holders: number };
  'escalated-through-group': { who: FindingPerson; group: string; ownKind: 'org' | 'direct'; cells: readonly EscalatedCell[] };
  'mixed-roles': { who: FindingPerson; cells: readonly MixedRolesCell[] };
  /** `groups`: the names of the groups that cover the direct roles, first appearance first. */
  'redundant-direct-grant': { who: FindingPerson; groups: readonly string[]; cells: readonly RedundantCell[] };
  'mixed-management': { who: FindingPerson };
  'sole-admin': { who: FindingPerson };
  'too-many-admins': { count: number; max: number };
  'no-access': { who: FindingPerson };
  'stale-invite': { email: string; days: number; invitedAt: string };
  /** Hidden or bidi characters (utils/text/visible-text.ts) in the person's name and/or email. */
  'hidden-characters': { who: FindingPerson; inName: readonly number[]; inEmail: readonly number[] };
}

interface FindingBase<C extends FindingCode> {
  /** Unique within a report and stable across reads of the same org: code plus the ids it is about. */
  key: string;
  code: C;
  severity: FindingSeverity;
  memberIds: readonly string[];
  /** Projects concerned, in the org's project order; empty for org- and member-wide findings. */
  projectIds: readonly string[];
  groupIds: readonly string[];
  params: FindingParamsByCode[C];
}

export type Finding = { [C in FindingCode]: FindingBase<C> }[FindingCode];
export type FindingOf<C extends FindingCode> = Extract<Finding, { code: C }>;

type FindingIds = Partial<Pick<Finding, 'memberIds' | 'projectIds' | 'groupIds'>>;

const NONE: readonly string[] = [];

/** `code:part:part`; one or two parts (nearly every finding) without the array join's extra string. */
function keyOf(code: FindingCode, parts: readonly string[]): string {
  if (parts.length === 0) return code;
  if (parts.length === 1) return `${code}:${parts[0] ?? ''}`;
  if (parts.length === 2) return `${code}:${parts[0] ?? ''}:${parts[1] ?? ''}`;
  return `${code}:${parts.join(':')}`;
}

export function makeFinding<C extends FindingCode>(code: C, severity: FindingSeverity, keyParts: readonly string[], ids: FindingIds, params: FindingParamsByCode[C]): FindingOf<C> {
  return {
    key: keyOf(code, keyParts),
    code,
    severity,
    memberIds: ids.memberIds ?? NONE,
    projectIds: ids.projectIds ?? NONE,
    groupIds: ids.groupIds ?? NONE,
    params,
  } as FindingOf<C>;
}
