/**
 * The popup's diagnostics as rows to show and as a plain-text report to paste into a bug. Pure.
 * The report holds no member names or emails: statuses, counts, landmark names and versions only;
 * anything email-shaped in an error text is masked.
 */
import { OPERATIONS, type OperationName } from '@/utils/amplitude/endpoint';
import { FEATURE_NAMES, LANDMARKS, type LandmarkStatus } from '@/utils/amplitude/landmarks';
import type { DiagnosticsAnswer } from './protocol';

export type QueryStatus = 'ok' | 'failed' | 'not-run';

export interface DiagnosticRow<S extends string> {
  name: string;
  status: S;
  /** One line: what depends on it, when it shows, or why it failed. */
  detail: string;
}

const EMAILISH = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g;
/** Masks anything that looks like an email address. */
export const maskEmails = (text: string): string => text.replace(EMAILISH, '[email]');

export function landmarkRows(answer: DiagnosticsAnswer): DiagnosticRow<LandmarkStatus>[] {
  return LANDMARKS.map((landmark) => {
    const status = answer.landmarks[landmark.id] ?? 'missing';
    const features = landmark.features.map((id) => FEATURE_NAMES[id] ?? id).join(', ');
    const detail =
      status === 'not-on-screen'
        ? `Not on screen now: shown only ${landmark.condition ?? 'in some states'}.`
        : status === 'missing'
          ? `Not found. Affects: ${features}.`
          : `Used by: ${features}.`;
    return { name: landmark.name, status, detail };
  });
}

export function queryRows(answer: DiagnosticsAnswer): DiagnosticRow<QueryStatus>[] {
  return (Object.keys(OPERATIONS) as OperationName[]).map((operation) => {
    const record = answer.queries[operation];
    if (!record) return { name: operation, status: 'not-run', detail: 'Not run in this page yet.' };
    const at = new Date(record.at).toISOString();
    const tries = record.attempts === 1 ? '1 attempt' : `${record.attempts} attempts`;
    if (record.ok) return { name: operation, status: 'ok', detail: `OK at ${at} (${tries}).` };
    const reason = maskEmails(record.error ?? 'unknown error');
    return { name: operation, status: 'failed', detail: `Failed at ${at} (${tries})${record.kind ? `, ${record.kind}` : ''}: ${reason}` };
  });
}

/** Where the current tab stands, in one sentence. */
export function pageSummary(answer: DiagnosticsAnswer | null): string {
  if (!answer) return 'This tab is not an Amplitude page Admin Lens runs on.';
  if (answer.isMembersPage) return 'This is a Members & Groups page.';
  return 'This is an Amplitude page, but not Members & Groups.';
}

/** The data status in one sentence, e.g. "Ready, as of …: 24 members, 6 pending, 8 projects, 5 groups." */
export function dataSummary(answer: DiagnosticsAnswer | null): string {
  const data = answer?.data;
  if (!data) return 'No data read in this tab.';
  const status = { loading: 'Loading', ready: 'Ready', refreshing: 'Refreshing', error: 'The last read failed' }[data.status];
  const asOf = data.readAt ? `, as of ${data.readAt}${data.fromCache ? ' (cached)' : ''}` : '';
  const counts = data.counts
    ? `: ${data.counts.members} members, ${data.counts.pending} pending, ${data.counts.projects} projects, ${data.counts.groups} groups`
    : '';
  return `${status}${asOf}${counts}.`;
}

const LABEL: Record<LandmarkStatus | QueryStatus, string> = {
  found: 'found',
  missing: 'MISSING',
  'not-on-screen': 'not on screen now',
  ok: 'ok',
  failed: 'FAILED',
  'not-run': 'not run',
};

export interface ReportInput {
  answer: DiagnosticsAnswer | null;
  version: string;
  userAgent: string;
  /** ISO time the report was made. */
  now: string;
}

/** The plain-text report for a bug: no member names or emails. */
export function reportText({ answer, version, userAgent, now }: ReportInput): string {
  const lines = [
    'Admin Lens for Amplitude: diagnostics',
    `Made: ${now}`,
    `Extension version: ${version}`,
    `Browser: ${userAgent}`,
    `Page: ${pageSummary(answer)}`,
  ];
  if (answer) {
    lines.push(`Data: ${dataSummary(answer)}`);
    if (answer.data?.error) lines.push(`Data error: ${maskEmails(answer.data.error)}`);
    lines.push('', 'Landmarks:');
    for (const row of landmarkRows(answer)) lines.push(`- ${LABEL[row.status]}: ${row.name}. ${row.detail}`);
    lines.push('', 'Data queries:');
    for (const row of queryRows(answer)) lines.push(`- ${LABEL[row.status]}: ${row.name}. ${row.detail}`);
  }
  return `${lines.join('\n')}\n`;
}

export const statusLabel = (status: LandmarkStatus | QueryStatus): string => LABEL[status];
