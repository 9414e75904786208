/**
 * The hygiene report in words (through t()): categories, reasons, where an activity date comes
 * from, content owned. Shared by the panel and the CSV export, so both say the same.
 */
import { describeAccessSummary } from '../access/access-words';
import type { CustomRoleNames } from '../access/roles';
import { t } from '../i18n';
import type { Activity } from './activity';
import type { ContentCell, HygieneCategory, HygieneOptions, HygieneReason, HygieneRow } from './hygiene-report';

export function categoryWords(category: HygieneCategory, options: Pick<HygieneOptions, 'inactiveDays' | 'staleInviteDays'>): string {
  switch (category) {
    case 'inactive':
      return t('hygCatInactive', { days: options.inactiveDays });
    case 'never-signed-in':
      return t('hygCatNever');
    case 'old-invite':
      return t('hygCatOldInvite', { days: options.staleInviteDays });
    case 'no-access':
      return t('hygCatNoAccess');
    case 'inactive-admin':
      return t('hygCatInactiveAdmin');
    case 'content-owner':
      return t('hygCatContentOwner');
  }
}

export function reasonWords(reason: HygieneReason): string {
  switch (reason.code) {
    case 'inactive':
      return t('hygWhyInactive', { days: reason.days });
    case 'no-recent-content-change':
      return t('hygWhyNoContentChange', { days: reason.days });
    case 'never-signed-in':
      return t('hygWhyNever');
    case 'old-invite':
      return t('hygWhyOldInvite', { days: reason.days });
    case 'no-access':
      return t('hygWhyNoAccess');
    case 'inactive-admin':
      return reason.byProxy ? t('hygWhyInactiveAdminProxy') : t('hygWhyInactiveAdmin');
    case 'owns-content':
      return t('hygWhyOwnsContent', { count: reason.total });
  }
}

/** Where the date comes from, e.g. "last content change": the label shown beside it. */
export function activitySourceWords(activity: Activity): string {
  switch (activity.source) {
    case 'last-active':
      return t('hygSourceLastActive');
    case 'content-change':
      return activity.atLeast ? t('hygSourceContentChangeAtLeast') : t('hygSourceContentChange');
    case 'never':
      return t('hygSourceNever');
    case 'invited':
      return t('hygSourceInvited');
    case 'unknown':
      return t('hygSourceUnknown');
  }
}

/** The date part (YYYY-MM-DD) of an activity, or an empty string without one. */
export const activityDate = (activity: Activity): string => ('at' in activity ? activity.at.slice(0, 10) : '');

/** "2025-09-19 (last active)", "Never signed in", "Unknown". */
export function activityWords(activity: Activity): string {
  const date = activityDate(activity);
  return date ? t('hygActivityOn', { date, source: activitySourceWords(activity) }) : activitySourceWords(activity);
}

export function contentWords(cell: ContentCell): string {
  if (cell.state === 'not-read') return t('hygContentNotRead');
  if (cell.state === 'unreadable') return t('hygContentUnreadable', { reason: cell.reason });
  if (cell.total === 0) return t('hygContentNone');
  const { charts, dashboards, cohorts, notebooks } = cell.counts;
  return t('hygContentCounts', { charts, dashboards, cohorts, notebooks });
}

export const accessWords = (row: Pick<HygieneRow, 'access' | 'orgRole'>, names?: CustomRoleNames): string => describeAccessSummary(row.access, names, row.orgRole);

export const reasonsWords = (row: Pick<HygieneRow, 'reasons'>): string => row.reasons.map(reasonWords).join('; ');
