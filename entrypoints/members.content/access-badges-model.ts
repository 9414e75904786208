/**
 * What the access badges and the breakdown card say, from the access report: pure functions, so
 * the wording and choices are unit-tested without a page. No Amplitude knowledge here.
 */
import type { Finding } from '@/utils/access/finding';
import { findingWords } from '@/utils/access/finding-words';
import type { OrgSnapshot, Project } from '@/utils/access/model';
import { describeCapabilities } from '@/utils/access/permissions';
import type { AccessReport, AccessSource, MemberAccess, ProjectAccess } from '@/utils/access/report';
import { type CustomRoleNames, compareRoles, grantsAccess, type Role, roleLabel } from '@/utils/access/roles';
import { describeAccessSummary, describeOrgRole } from '@/utils/access/access-words';
import { cardPermissions, type CardPermissions } from './card-permissions';
import { permissionModelOf } from '@/utils/access/permission-union';
import { describeUnionAccess } from '@/utils/access/union-words';
import { t, tCount } from '@/utils/i18n';
import { isolatedText } from '@/utils/text/visible-text';

/**
 * What the badges and the card read one member from: a report, or (while it is computed) a preview
 * of the same snapshot that computes the members asked for. Both give the same answers.
 */
export interface AccessView {
  snapshot: OrgSnapshot;
  /** `member(id).perProject[i]` is the access on `projects[i]`. */
  projects: readonly Project[];
  /** The snapshot came from the cache and a fresh read has not replaced it yet. */
  fromCache: boolean;
  member(memberId: string): MemberAccess | undefined;
  findingsOf(memberId: string): readonly Finding[];
}

export type BadgeTone = 'neutral' | 'none' | 'access' | 'admin';

export interface BadgeView {
  /** What the badge shows, e.g. "Manager in 5 of 8 projects". */
  text: string;
  /** The button's accessible name, e.g. "Access for Priya: Manager in 5 of 8 projects, 1 finding". */
  label: string;
  tone: BadgeTone;
  /** Findings about this member (0: no marker). */
  findings: number;
  /** Whether any of them is a warning (the marker is stronger). */
  warning: boolean;
  /** The member is known: the badge opens a breakdown. */
  hasBreakdown: boolean;
}

/** How a person is named: their name, or their email when the name is empty. */
export function displayName(member: { name: string; email: string }): string {
  return member.name.trim() || member.email;
}

/** The badge of a row whose email the org's data does not (yet) know: neutral, never a guess. */
export function unknownBadge(email: string, reading: boolean): BadgeView {
  return {
    text: t('badgeNotRead'),
    label: t(reading ? 'badgeLabelReading' : 'badgeLabelNotRead', { who: isolatedText(email) }),
    tone: 'neutral',
    findings: 0,
    warning: false,
    hasBreakdown: false,
  };
}

/**
 * The badge of a known member. `stale`: the last read failed, the picture is older than it looks,
 * and the label says so.
 */
export function memberBadge(
  access: MemberAccess,
  findings: readonly Finding[],
  options: { customNames?: CustomRoleNames; stale?: boolean; snapshot?: Pick<OrgSnapshot, 'members' | 'groups' | 'roleDefinitions'> } = {},
): BadgeView {
  // Custom roles (RBAC) are said by name and union; everyone else exactly as before.
  const text =
    (options.snapshot ? describeUnionAccess(access, permissionModelOf(options.snapshot), options.customNames) : null) ??
    describeAccessSummary(access.summary, options.customNames, access.member.orgRole);
  // Unreadable access is neither "access" nor "none": neutral, the text says what is known.
  const tone: BadgeTone = access.summary.isOrgAdmin
    ? 'admin'
    : !access.summary.accessKnown
      ? 'neutral'
      : grantsAccess(access.summary.highestRole)
        ? 'access'
        : 'none';
  const parts = [text];
  if (findings.length > 0) parts.push(tCount('badgeFindings', findings.length));
  if (options.stale) parts.push(t('badgeNotCurrent'));
  return {
    text,
    // Page data in our label: its hidden characters marked, so the label cannot lie either.
    label: t('badgeLabel', { who: isolatedText(displayName(access.member)), details: parts.join(', ') }),
    tone,
    findings: findings.length,
    warning: findings.some((finding) => finding.severity === 'warning'),
    hasBreakdown: true,
  };
}

/** Findings per member id, in the report's order. */
export function findingsByMember(report: AccessReport): Map<string, Finding[]> {
  const byMember = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    for (const memberId of finding.memberIds) {
      const list = byMember.get(memberId);
      if (list) list.push(finding);
      else byMember.set(memberId, [finding]);
    }
  }
  return byMember;
}

/** "Org role: Admin", "Direct: Viewer", 'Group "Engineering Leads": Manager'. */
export function sourceLabel(source: AccessSource, names?: CustomRoleNames): string {
  const role = source.kind !== 'org' && source.customRole ? isolatedText(source.customRole.name) : roleLabel(source.role, names);
  switch (source.kind) {
    case 'org':
      return t('sourceOrg', { role });
    case 'direct':
      return t('sourceDirect', { role });
    case 'group':
      return t('sourceGroup', { group: isolatedText(source.groupName), role });
  }
}

const quotedList = (names: readonly string[]) => {
  const quoted = names.map((name) => `'${isolatedText(name)}'`);
  return quoted.length <= 1 ? quoted.join('') : t('listAnd', { list: quoted.slice(0, -1).join(', '), last: quoted[quoted.length - 1]! });
};

/** Whether and how the role on a project can be lowered from this page; null when there is nothing to lower. */
export function loweringText(access: ProjectAccess, names?: CustomRoleNames): string | null {
  if (!grantsAccess(access.role)) return null;
  if (access.canLowerIndividually) return t('lowerHere');
  switch (access.loweringBlockedBy) {
    case 'org-admin':
      return t('lowerOrgAdmin', { role: roleLabel('admin', names) });
    case 'group': {
      const groups = access.deciding.flatMap((source) => (source.kind === 'group' ? [source.groupName] : []));
      return groups.length > 1
        ? t('lowerGroups', { groups: quotedList(groups) })
        : t('lowerGroup', { groups: quotedList(groups) });
    }
    default:
      return null;
  }
}

export interface CardSource {
  label: string;
  decides: boolean;
}

export interface CardProject {
  id: string;
  name: string;
  role: string;
  hasAccess: boolean;
  sources: CardSource[];
  lowering: string | null;
  canLower: boolean;
  /** Set on projects where a custom role (RBAC) is held: the union of permissions, by product area. */
  permissions?: CardPermissions;
}

export interface CardFinding {
  key: string;
  warning: boolean;
  explanation: string;
  fix: string;
}

export interface CardView {
  name: string;
  email: string;
  pending: boolean;
  summary: string;
  projects: CardProject[];
  findings: CardFinding[];
  /** One sentence per effective role held, highest first: what that role may do. */
  capabilities: string[];
  /** Set when the person's project access could not be read here: said instead of the projects. */
  unreadable: string | null;
}

/** Everything the breakdown card shows about one member. */
export function cardView(
  report: Pick<AccessReport, 'projects'> & { snapshot?: OrgSnapshot },
  access: MemberAccess,
  findings: readonly Finding[],
  names?: CustomRoleNames,
): CardView {
  const model = report.snapshot ? permissionModelOf(report.snapshot) : null;
  const base = {
    name: displayName(access.member),
    email: access.member.email,
    pending: access.member.status === 'pending',
    summary: (model ? describeUnionAccess(access, model, names) : null) ?? describeAccessSummary(access.summary, names, access.member.orgRole),
    findings: findings.map((finding) => ({ key: finding.key, warning: finding.severity === 'warning', ...findingWords(finding, names) })),
  };
  if (!access.summary.accessKnown) {
    // Part of the sources is no picture of the access: only the org role, read, is said.
    return { ...base, projects: [], capabilities: [], unreadable: t('cardAccessUnreadable', { role: describeOrgRole(access.member.orgRole, names) }) };
  }
  const perProject = access.perProject; // made afresh on each read: once here
  const projects = report.projects.map((project, index): CardProject => {
    const cell = perProject[index];
    if (!cell) return { id: project.id, name: project.name, role: roleLabel('no_access', names), hasAccess: false, sources: [], lowering: null, canLower: false };
    const permissions = model ? cardPermissions(cell, model, names) : null;
    if (permissions) {
      // A custom role has no rank: no source "decides", every one adds its permissions (the union).
      return {
        id: project.id,
        name: project.name,
        role: permissions.role,
        hasAccess: true,
        sources: cell.sources.map((source) => ({ label: sourceLabel(source, names), decides: false })),
        lowering: null,
        canLower: false,
        permissions,
      };
    }
    return {
      id: project.id,
      name: project.name,
      role: roleLabel(cell.role, names),
      hasAccess: grantsAccess(cell.role),
      sources: cell.sources.map((source) => ({ label: sourceLabel(source, names), decides: cell.deciding.includes(source) })),
      lowering: loweringText(cell, names),
      canLower: cell.canLowerIndividually,
    };
  });
  // A custom role's ranked stand-in is no role the person holds: what it may do is in its project's permissions.
  const held = new Set<Role>(projects.flatMap((project, index) => (project.permissions ? [] : [perProject[index]?.role ?? 'no_access'])).filter(grantsAccess));
  if (access.summary.isOrgAdmin) held.add('admin');
  const capabilities = [...held].sort((a, b) => compareRoles(b, a)).map((role) => describeCapabilities(role, { customNames: names }));
  return { ...base, projects, capabilities, unreadable: null };
}

export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Placement {
  top: number;
  left: number;
  /** The card's height limit, so that it never covers the row. */
  maxHeight: number;
}

/**
 * Where the card goes: below the row if it fits, else above, else on the side with more room with
 * its height limited to that room. Never over the row. Horizontally at the badge, kept on screen.
 */
export function placeCard(row: Rect, badge: Rect, card: { width: number; height: number }, viewport: { width: number; height: number }, gap = 6, margin = 8): Placement {
  const below = viewport.height - row.bottom - gap - margin;
  const above = row.top - gap - margin;
  const left = Math.max(margin, Math.min(badge.left, viewport.width - card.width - margin));
  if (card.height <= below) return { top: row.bottom + gap, left, maxHeight: below };
  if (card.height <= above) return { top: row.top - gap - card.height, left, maxHeight: above };
  if (below >= above) return { top: row.bottom + gap, left, maxHeight: Math.max(0, below) };
  const height = Math.max(0, above);
  return { top: row.top - gap - height, left, maxHeight: height };
}
