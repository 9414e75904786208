/**
 * The offboarding results download: every input row with what became of it, formula-safe
 * (utils/csv.ts), so it can be fixed and imported again.
 */
import { toCsv } from '../csv';
import type { OffboardJob, OffboardRowState } from './job';

/** The status column: a file format, never translated. */
export function offboardStatus(state: OffboardRowState): string {
  switch (state.kind) {
    case 'invalid':
      return 'invalid';
    case 'skipped':
      return 'skipped';
    case 'queued':
      return 'not run';
    case 'removing':
      return 'unknown';
    case 'removed':
      return 'removed';
    case 'failed':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
  }
}

function detailOf(state: OffboardRowState): string {
  if (state.kind === 'invalid' || state.kind === 'failed' || state.kind === 'skipped') return state.reason;
  if (state.kind === 'removed') return state.detail;
  return '';
}

export function offboardResultsCsv(job: Pick<OffboardJob, 'rows'>, words: { notAcknowledged: string }): string {
  const header = ['email', 'transfer_to', 'reason', 'status', 'detail', 'content_owned'];
  const lines = job.rows.map((row) => {
    const detail = row.state.kind === 'skipped' && row.state.reason === 'not-acknowledged' ? words.notAcknowledged : detailOf(row.state);
    const owned = row.content ? String(row.content.charts + row.content.dashboards + row.content.cohorts + row.content.notebooks) : '';
    return [row.email, row.transferTo, row.reason, offboardStatus(row.state), detail, owned];
  });
  return toCsv([header, ...lines]);
}

export function offboardResultsFileName(orgUrl: string, date: Date): string {
  const stamp = date.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return `offboarding-${orgUrl.replace(/[^a-z0-9-]+/gi, '-')}-${stamp}.csv`;
}
