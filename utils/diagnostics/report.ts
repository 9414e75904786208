/**
 * The popup's diagnostics as rows to show and as a plain-text report to paste into a bug. Pure.
 * The report holds no member names or emails: statuses, counts, landmark names and versions only;
 * anything email-shaped in an error text is masked.
 */
import { OPERATIONS, type OperationName } from '@/utils/amplitude/endpoint';
import { FEATURE_NAMES, LANDMARKS, type LandmarkStatus } from '@/utils/amplitude/landmarks';
import { t, tCount, type MessageKey } from '@/utils/i18n';
import { consoleUseRows, consoleUsesNote, type ConsoleUseStatus } from './console-uses';
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
    const rows = landmark.id === 'users-row-identity' ? answer.rows : null;
    const detail =
      status === 'not-on-screen'
        ? t('diagLandmarkNotOnScreen', { condition: landmark.condition ?? t('diagLandmarkSomeStates') })
        : status === 'missing'
          ? rows?.unreadable
            ? tCount('diagRowsUnreadable', rows.unreadable, { total: rows.total, features })
            : t('diagLandmarkMissing', { features })
          : t('diagLandmarkUsedBy', { features });
    return { name: landmark.name, status, detail };
  });
}

/** How times read: ISO in the copied report (unambiguous in a bug), the local clock in the popup. */
export type TimeFormat = (iso: string) => string;
const isoTime: TimeFormat = (iso) => new Date(iso).toISOString();
/** The popup's: "10:51:47", or with the date when it is not today. */
export const localTime: TimeFormat = (iso) => {
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  return today ? date.toLocaleTimeString() : date.toLocaleString();
};

export function queryRows(answer: DiagnosticsAnswer, time: TimeFormat = isoTime): DiagnosticRow<QueryStatus>[] {
  return (Object.keys(OPERATIONS) as OperationName[]).map((operation) => {
    const record = answer.queries[operation];
    if (!record) return { name: operation, status: 'not-run', detail: t('diagQueryNotRun') };
    const at = time(new Date(record.at).toISOString());
    const attempts = tCount('diagAttempts', record.attempts);
    if (record.ok) return { name: operation, status: 'ok', detail: t('diagQueryOk', { time: at, attempts }) };
    const reason = maskEmails(record.error ?? t('diagUnknownError'));
    const detail = record.kind ? t('diagQueryFailedKind', { time: at, attempts, kind: record.kind, reason }) : t('diagQueryFailed', { time: at, attempts, reason });
    return { name: operation, status: 'failed', detail };
  });
}

/** Where the current tab stands, in one sentence. */
export function pageSummary(answer: DiagnosticsAnswer | null): string {
  if (!answer) return t('diagPageNone');
  if (answer.isMembersPage) return t('diagPageMembers');
  return t('diagPageOther');
}

/** The data status in one sentence, e.g. "Ready, as of …: 24 members, 6 pending, 8 projects, 5 groups." */
export function dataSummary(answer: DiagnosticsAnswer | null, time: TimeFormat = isoTime): string {
  const data = answer?.data;
  if (!data) return t('diagDataNone');
  const status = t(({ loading: 'diagStatusLoading', ready: 'diagStatusReady', refreshing: 'diagStatusRefreshing', error: 'diagStatusError' } as const)[data.status]);
  const head = !data.readAt
    ? t('diagDataHead', { status })
    : t(data.fromCache ? 'diagDataHeadAsOfCached' : 'diagDataHeadAsOf', { status, time: time(data.readAt) });
  if (!data.counts) return t('diagDataNoCounts', { head });
  const summary = t('diagDataCounts', { head, ...data.counts, groups: data.counts.groups ?? t('diagUnknownCount') });
  return data.unread ? `${summary} ${data.unread}` : summary;
}

type Status = LandmarkStatus | QueryStatus | ConsoleUseStatus;

const LABEL: Record<Status, MessageKey> = {
  found: 'diagLabelFound',
  missing: 'diagLabelMissing',
  'not-on-screen': 'diagLabelNotOnScreen',
  ok: 'diagLabelOk',
  failed: 'diagLabelFailed',
  'not-run': 'diagLabelNotRun',
  ours: 'diagLabelOurs',
  'ours-failed': 'diagLabelOursFailed',
  unknown: 'diagLabelUnknown',
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
    t('diagReportTitle'),
    t('diagReportMade', { time: now }),
    t('diagReportVersion', { version }),
    t('diagReportBrowser', { agent: userAgent }),
    t('diagReportPage', { summary: pageSummary(answer) }),
  ];
  const row = (status: Status, name: string, detail: string) => t('diagReportRow', { status: statusLabel(status), name, detail });
  if (answer) {
    lines.push(t('diagReportData', { summary: dataSummary(answer) }));
    if (answer.data?.error) lines.push(t('diagReportDataError', { error: maskEmails(answer.data.error) }));
    lines.push('', t('diagReportLandmarks'));
    for (const { status, name, detail } of landmarkRows(answer)) lines.push(row(status, name, detail));
    lines.push('', t('diagReportQueries'));
    for (const { status, name, detail } of queryRows(answer)) lines.push(row(status, name, detail));
    lines.push('', t('diagReportUses'));
    for (const { status, name, detail } of consoleUseRows(answer)) lines.push(row(status, name, detail));
    lines.push(consoleUsesNote(answer));
  }
  return `${lines.join('\n')}\n`;
}

export const statusLabel = (status: Status): string => t(LABEL[status]);
