/**
 * Filtering and sorting the hygiene report's rows, as the panel shows them and the export writes
 * them (the export is exactly what is shown). Pure.
 */
import { nameIncludes } from '../amplitude/names';
import type { HygieneCategory, HygieneRow } from './hygiene-report';

export interface HygieneView {
  /** One category, or every listed person. */
  category: HygieneCategory | 'all';
  /** Words to find in the name, email or team; empty shows everyone. */
  text: string;
  sort: HygieneSortKey;
  descending: boolean;
}

export const HYGIENE_SORT_KEYS = ['name', 'email', 'team', 'lastActive', 'content'] as const;
export type HygieneSortKey = (typeof HYGIENE_SORT_KEYS)[number];

export const DEFAULT_VIEW: HygieneView = { category: 'all', text: '', sort: 'lastActive', descending: false };

/** Milliseconds of the last activity; never active first (oldest), unknown last. */
function activityOrder(row: HygieneRow): number {
  const { activity } = row;
  if (activity.source === 'never') return -Infinity;
  if (activity.source === 'unknown') return Infinity;
  return Date.parse(activity.at);
}

/** Content owned; unreadable or not read sorts as less than none. */
const contentOrder = (row: HygieneRow): number => (row.content.state === 'read' ? row.content.total : -1);

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

function compare(key: HygieneSortKey, a: HygieneRow, b: HygieneRow): number {
  switch (key) {
    case 'name':
      return byText(a.name, b.name);
    case 'email':
      return byText(a.email, b.email);
    case 'team':
      // No team sorts after every team.
      return a.team === b.team ? 0 : a.team === null ? 1 : b.team === null ? -1 : byText(a.team, b.team);
    case 'lastActive': {
      const [x, y] = [activityOrder(a), activityOrder(b)];
      return x === y ? 0 : x < y ? -1 : 1;
    }
    case 'content':
      return contentOrder(a) - contentOrder(b);
  }
}

/** The rows the view shows, in its order (ties keep the report's order, so the order is stable). */
export function viewRows(rows: readonly HygieneRow[], view: HygieneView): HygieneRow[] {
  const text = view.text.trim();
  const shown = rows.filter(
    (row) =>
      (view.category === 'all' || row.categories.includes(view.category)) &&
      (text === '' || nameIncludes(row.name, text) || nameIncludes(row.email, text) || nameIncludes(row.team, text)),
  );
  const sign = view.descending ? -1 : 1;
  return shown
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare(view.sort, a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}
