/**
 * The hygiene report's export: the rows exactly as the panel shows them (filter and order), as CSV
 * for spreadsheets and JSON for programs.
 *
 * Like the access review (utils/access/export.ts): CSV cells are formula-safe (utils/csv.ts) and
 * page data (names, emails, teams) has each hidden character replaced by its visible marker, so a
 * spreadsheet cannot be fooled by a bidi override; JSON keeps the exact values and the codes
 * behind the words. A column that could not be read on this console says so in JSON (`columns`)
 * and in the CSV's cells.
 */
import type { CustomRoleNames } from '../access/roles';
import { toCsv } from '../csv';
import { visibleText } from '../text/visible-text';
import type { HygieneReport, HygieneRow } from './hygiene-report';
import { accessWords, activityDate, activitySourceWords, contentWords, reasonsWords } from './hygiene-words';

export const HYGIENE_COLUMNS = [
  'name',
  'email',
  'team',
  'status',
  'last active',
  'last active source',
  'days since active',
  'effective access',
  'content owned',
  'charts',
  'dashboards',
  'cohorts',
  'notebooks',
  'why listed',
  'categories',
] as const;

const countCell = (row: HygieneRow, key: 'charts' | 'dashboards' | 'cohorts' | 'notebooks') => (row.content.state === 'read' ? String(row.content.counts[key]) : '');

export function hygieneCsv(rows: readonly HygieneRow[], names?: CustomRoleNames): string {
  const lines = rows.map((row) => [
    visibleText(row.name),
    visibleText(row.email),
    visibleText(row.team ?? ''),
    row.status,
    activityDate(row.activity),
    activitySourceWords(row.activity),
    row.activeDaysAgo === null ? '' : String(row.activeDaysAgo),
    accessWords(row, names),
    contentWords(row.content),
    countCell(row, 'charts'),
    countCell(row, 'dashboards'),
    countCell(row, 'cohorts'),
    countCell(row, 'notebooks'),
    reasonsWords(row),
    row.categories.join(' '),
  ]);
  // A byte order mark, so spreadsheets read names in any script as UTF-8.
  return `\uFEFF${toCsv([[...HYGIENE_COLUMNS], ...lines])}`;
}

export interface HygieneExportMeta {
  org: { url: string; name: string };
  readAt: string;
  exportedAt: string;
}

export function hygieneJson(report: Pick<HygieneReport, 'columns' | 'options' | 'activityUnknown' | 'accessUnknown'>, rows: readonly HygieneRow[], meta: HygieneExportMeta, names?: CustomRoleNames): string {
  return `${JSON.stringify(
    {
      format: 'admin-lens-access-hygiene',
      ...meta,
      thresholds: { inactiveDays: report.options.inactiveDays, staleInviteDays: report.options.staleInviteDays },
      columns: report.columns,
      activityUnknown: report.activityUnknown,
      accessUnknown: report.accessUnknown,
      rowCount: rows.length,
      rows: rows.map((row) => ({
        memberId: row.memberId,
        name: row.name,
        email: row.email,
        team: row.team,
        status: row.status,
        lastActive: { source: row.activity.source, at: 'at' in row.activity ? row.activity.at : null, atLeast: row.activity.source === 'content-change' ? row.activity.atLeast : false },
        daysSinceActive: row.activeDaysAgo,
        access: accessWords(row, names),
        accessKnown: row.access.accessKnown,
        content: row.content,
        categories: row.categories,
        reasons: row.reasons,
        why: reasonsWords(row),
      })),
    },
    null,
    2,
  )}\n`;
}

export function hygieneFileName(orgUrl: string, now: Date, format: 'csv' | 'json'): string {
  return `admin-lens-access-hygiene-${orgUrl}-${now.toISOString().slice(0, 10)}.${format}`;
}
