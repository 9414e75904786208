/**
 * Dates and counts as the console writes them. Times are shown in UTC [guess: the real console
 * uses the browser's zone], so the double's pages read the same on every machine.
 */
const SHORT_DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const MONTH_DAY = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const TIME = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'UTC' });

/** "Nov 3, 2025" */
export const formatDate = (iso: string | null): string => (iso ? SHORT_DATE.format(new Date(iso)) : '—');

/** "Mar 17, 2:40 pm" [shot: LAST MODIFIED] */
export function formatMonthDayTime(iso: string): string {
  const date = new Date(iso);
  return `${MONTH_DAY.format(date)}, ${TIME.format(date).replace('AM', 'am').replace('PM', 'pm')}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Today", "Yesterday", "5 days ago", "Never" relative to the double's clock [guess: wording]. */
export function formatLastActive(iso: string | null, nowIso: string): string {
  if (!iso) return 'Never';
  const days = Math.floor((Date.parse(nowIso) - Date.parse(iso)) / DAY_MS);
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days < 60) return `${days} days ago`;
  return formatDate(iso);
}

/** "1 user", "3 users" */
export const plural = (count: number, singular: string, pluralForm = `${singular}s`): string => `${count} ${count === 1 ? singular : pluralForm}`;

/** "1–50 of 312" [guess] */
export const rangeText = (start: number, count: number, total: number): string =>
  count === 0 ? `0 of ${total}` : `${start + 1}–${start + count} of ${total}`;

/** Joined and seen within the last 30 days of `now`: who may receive a removed user's content [doc]. */
export function isRecentlyActive(member: { status: string; lastActiveAt: string | null }, nowIso: string): boolean {
  if (member.status !== 'joined' || !member.lastActiveAt) return false;
  return Date.parse(nowIso) - Date.parse(member.lastActiveAt) <= 30 * DAY_MS;
}
