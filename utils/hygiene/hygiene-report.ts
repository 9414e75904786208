/**
 * The access hygiene report: who is listed and why. Pure: the org snapshot, its access report and
 * what each person owns in; rows with reason codes out (their words are hygiene-words.ts).
 *
 * Categories, each with its own threshold from the settings:
 * - `inactive`: joined, last active more than `inactiveDays` ago. On the content proxy alone
 *   (activity.ts) the reason says so (`no-recent-content-change`): it is never called inactivity.
 * - `never-signed-in`: joined, and the console's data says they have never been active.
 * - `old-invite`: pending, invited more than `staleInviteDays` ago.
 * - `no-access`: joined, their access is known and reaches no project (org Admins reach all).
 * - `inactive-admin`: an org Admin who is inactive or has never signed in.
 * - `content-owner`: anyone listed for the reasons above who owns content (charts, dashboards,
 *   cohorts, notebooks): removing them without a transfer would orphan it.
 * Where a column's data could not be read on this console, the report says so (`columns`) and
 * counts the people it could not judge, instead of guessing.
 */
import type { ContentCounts, OrgSnapshot } from '../access/model';
import type { AccessReport, MemberAccessSummary } from '../access/report';
import type { MemberOrgRole } from '../access/model';
import { type Activity, activityOf, type ContentRead, daysSince, lastActiveReadable } from './activity';

export const HYGIENE_CATEGORIES = ['inactive', 'never-signed-in', 'old-invite', 'no-access', 'inactive-admin', 'content-owner'] as const;
export type HygieneCategory = (typeof HYGIENE_CATEGORIES)[number];

export type HygieneReason =
  | { code: 'inactive'; days: number }
  | { code: 'no-recent-content-change'; days: number }
  | { code: 'never-signed-in' }
  | { code: 'old-invite'; days: number }
  | { code: 'no-access' }
  /** `byProxy`: judged on the last content change alone (no proof of inactivity). */
  | { code: 'inactive-admin'; byProxy: boolean }
  | { code: 'owns-content'; total: number };

export interface HygieneOptions {
  /** Not active for more than this many days is inactive (a setting). */
  inactiveDays: number;
  /** A pending invite older than this many days is old (the stale-invite setting). */
  staleInviteDays: number;
  now: Date;
}

/** One person's content: read (counts), could not be read (reason), or not read (yet, or pending people). */
export type ContentCell = { state: 'read'; counts: ContentCounts; total: number } | { state: 'unreadable'; reason: string } | { state: 'not-read' };

export interface HygieneRow {
  memberId: string;
  name: string;
  email: string;
  team: string | null;
  status: 'joined' | 'pending';
  orgRole: MemberOrgRole;
  invitedAt: string;
  activity: Activity;
  /** Whole days since `activity.at`; null without a date. */
  activeDaysAgo: number | null;
  access: MemberAccessSummary;
  content: ContentCell;
  categories: readonly HygieneCategory[];
  reasons: readonly HygieneReason[];
}

/** Whether a column's data could be read on this console, and if not, why. */
export interface ColumnState {
  readable: boolean;
  reason: string | null;
}

export interface HygieneReport {
  rows: readonly HygieneRow[];
  columns: {
    /** The console's own last-active dates (else the content proxy, per row). */
    lastActive: ColumnState;
    /** What people own: unreadable when no one's content could be read. */
    content: ColumnState;
    /** Effective access: unreadable when someone's access could not be computed. */
    access: ColumnState;
  };
  /** Joined people whose activity no source could tell: not judged active or inactive. */
  activityUnknown: number;
  /** Joined people whose access could not be computed: not judged for `no-access`. */
  accessUnknown: number;
  counts: Readonly<Record<HygieneCategory, number>>;
  options: HygieneOptions;
}

const totalOf = (counts: ContentCounts): number => counts.charts + counts.dashboards + counts.cohorts + counts.notebooks;

function contentCell(read: ContentRead | undefined): ContentCell {
  if (!read) return { state: 'not-read' };
  return read.ok ? { state: 'read', counts: read.counts, total: totalOf(read.counts) } : { state: 'unreadable', reason: read.reason };
}

function contentColumn(reads: ReadonlyMap<string, ContentRead> | null): ColumnState {
  if (!reads || reads.size === 0) return { readable: true, reason: null };
  const failures = [...reads.values()].filter((read): read is Extract<ContentRead, { ok: false }> => !read.ok);
  return failures.length === reads.size ? { readable: false, reason: failures[0]!.reason } : { readable: true, reason: null };
}

/**
 * The report. `content` is what each person owns by member id (joined people; null while it has
 * not been read): the content proxy for activity and the content-owner category come from it.
 */
export function buildHygieneReport(
  snapshot: Pick<OrgSnapshot, 'pieces' | 'readAt'>,
  report: AccessReport,
  content: ReadonlyMap<string, ContentRead> | null,
  options: HygieneOptions,
): HygieneReport {
  const carriesLastActive = lastActiveReadable(snapshot);
  const rows: HygieneRow[] = [];
  let activityUnknown = 0;
  let accessUnknown = 0;
  const counts = Object.fromEntries(HYGIENE_CATEGORIES.map((category) => [category, 0])) as Record<HygieneCategory, number>;

  for (const { member, summary } of report.members.values()) {
    const read = content?.get(member.id);
    const activity = activityOf(member, carriesLastActive, read);
    const activeDaysAgo = 'at' in activity ? daysSince(activity.at, options.now) : null;
    const cell = contentCell(read);
    const reasons: HygieneReason[] = [];
    const categories: HygieneCategory[] = [];
    const add = (category: HygieneCategory, reason: HygieneReason) => {
      categories.push(category);
      reasons.push(reason);
    };

    if (member.status === 'pending') {
      const days = daysSince(member.invitedAt, options.now);
      if (days > options.staleInviteDays) add('old-invite', { code: 'old-invite', days });
    } else {
      let inactive: false | 'data' | 'proxy' = false;
      if (activity.source === 'never') {
        add('never-signed-in', { code: 'never-signed-in' });
        inactive = 'data';
      } else if (activity.source === 'unknown') {
        activityUnknown += 1;
      } else if (activeDaysAgo !== null && activeDaysAgo > options.inactiveDays) {
        add('inactive', activity.source === 'last-active' ? { code: 'inactive', days: activeDaysAgo } : { code: 'no-recent-content-change', days: activeDaysAgo });
        inactive = activity.source === 'last-active' ? 'data' : 'proxy';
      }
      if (!summary.accessKnown) accessUnknown += 1;
      else if (!summary.isOrgAdmin && summary.projectsWithAccess === 0) add('no-access', { code: 'no-access' });
      if (inactive && summary.isOrgAdmin) add('inactive-admin', { code: 'inactive-admin', byProxy: inactive === 'proxy' });
    }
    if (categories.length === 0) continue;
    if (cell.state === 'read' && cell.total > 0) add('content-owner', { code: 'owns-content', total: cell.total });
    for (const category of categories) counts[category] += 1;
    rows.push({
      memberId: member.id,
      name: member.name,
      email: member.email,
      team: member.team,
      status: member.status,
      orgRole: member.orgRole,
      invitedAt: member.invitedAt,
      activity,
      activeDaysAgo,
      access: summary,
      content: cell,
      categories,
      reasons,
    });
  }

  const accessPiece = snapshot.pieces.groups.read ? snapshot.pieces.projectRoles : snapshot.pieces.groups;
  return {
    rows,
    columns: {
      lastActive: carriesLastActive ? { readable: true, reason: null } : { readable: false, reason: snapshot.pieces.projectRoles.reason },
      content: contentColumn(content),
      access: accessUnknown === 0 ? { readable: true, reason: null } : { readable: false, reason: accessPiece.reason },
    },
    activityUnknown,
    accessUnknown,
    counts,
    options,
  };
}
