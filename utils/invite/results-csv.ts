/**
 * Bulk invite, step 5: downloads. The results (after or during a run) and the validation errors
 * (before a run) carry the file's original columns plus `status` and `error`, so the user can fix
 * the failed rows and import the same file again. Formula-safe cells (see utils/csv.ts). Pure.
 */
import { toCsv } from '../csv';
import type { InviteJob, RowState } from './job';
import type { ValidatedRow } from './validate';
import { describeRowError } from './validate';

/** UTF-8 byte-order mark: lets Excel read accents in names; our own parser ignores it. */
const BOM = '\uFEFF';

/** The word the results file uses for each row state. */
export function resultStatus(state: RowState): string {
  switch (state.kind) {
    case 'queued':
      return 'not sent';
    case 'sending':
    case 'sent':
      return 'not confirmed';
    case 'verified':
      return 'invited';
    case 'failed':
      return 'failed';
    case 'skipped':
      return 'skipped';
    case 'invalid':
      return 'invalid';
  }
}

function resultError(state: RowState): string {
  return state.kind === 'failed' || state.kind === 'skipped' || state.kind === 'invalid' ? state.reason : '';
}

function withExtra(headers: readonly string[], cells: readonly string[], extra: readonly string[]): string[] {
  const padded = headers.map((_, index) => cells[index] ?? '');
  // Cells beyond the header (a malformed row) are kept too, last, so that `status` and `error` stay
  // under their own headers.
  return [...padded, ...extra, ...cells.slice(headers.length)];
}

/** Unique names for the two extra columns when the file already uses "status" or "error". */
function extraHeaders(headers: readonly string[]): [string, string] {
  const taken = new Set(headers.map((header) => header.trim().toLowerCase()));
  const pick = (base: string) => {
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    return name;
  };
  return [pick('status'), pick('error')];
}

/** The run's results: every row of the file, in order, with its status and error. */
export function resultsCsv(job: Pick<InviteJob, 'headers' | 'rows'>, options: { bom?: boolean } = {}): string {
  const rows = [...job.rows].sort((a, b) => a.row - b.row);
  const lines = [[...job.headers, ...extraHeaders(job.headers)], ...rows.map((row) => withExtra(job.headers, row.cells, [resultStatus(row.state), resultError(row.state)]))];
  return (options.bom ?? true ? BOM : '') + toCsv(lines);
}

/** Before a run: every row with its validation status ('ready', 'skip', 'invalid') and errors. */
export function validationCsv(headers: readonly string[], rows: readonly ValidatedRow[], options: { bom?: boolean; onlyProblems?: boolean } = {}): string {
  const chosen = options.onlyProblems ? rows.filter((row) => row.status !== 'ready') : rows;
  const lines = [
    [...headers, ...extraHeaders(headers)],
    ...chosen.map((row) =>
      withExtra(headers, row.cells, [row.status, row.status === 'skip' ? (row.reason ?? '') : row.errors.map((error) => describeRowError(row, error)).join(' | ')]),
    ),
  ];
  return (options.bom ?? true ? BOM : '') + toCsv(lines);
}

/** "invite-results-demo-org-2025-11-03.csv" */
export function resultsFileName(orgUrl: string, date: Date, kind: 'results' | 'errors' = 'results'): string {
  const safeOrg = orgUrl.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'org';
  return `invite-${kind}-${safeOrg}-${date.toISOString().slice(0, 10)}.csv`;
}
