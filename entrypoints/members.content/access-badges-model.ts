/**
 * What the access badges say, from the access report, and where the breakdown card goes: pure
 * functions, so the wording and choices are unit-tested without a page. No Amplitude knowledge here.
 * What the card says is card-view.ts's (it ships in the card's own file, with the permission
 * catalogue: the Members page's file needs none of it).
 */
import type { Finding } from '@/utils/access/finding';
import type { OrgSnapshot, Project } from '@/utils/access/model';
import type { AccessReport, AccessSource, MemberAccess } from '@/utils/access/report';
import { type CustomRoleNames, grantsAccess, roleLabel } from '@/utils/access/roles';
import { describeAccessSummary } from '@/utils/access/access-words';
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
  /**
   * The badge words of someone holding custom roles (RBAC), from the union engine loaded for this
   * snapshot (access-permissions-file.ts); absent for a snapshot without custom roles.
   */
  describeUnion?: UnionWords;
}

/** A badge's words for someone holding custom roles; null for someone holding none (the ranked words apply). */
export type UnionWords = (access: MemberAccess, names?: CustomRoleNames) => string | null;

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
  options: { customNames?: CustomRoleNames; stale?: boolean; describeUnion?: UnionWords } = {},
): BadgeView {
  // Custom roles (RBAC) are said by name and union; everyone else exactly as before.
  const text = options.describeUnion?.(access, options.customNames) ?? describeAccessSummary(access.summary, options.customNames, access.member.orgRole);
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
