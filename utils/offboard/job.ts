/**
 * The offboarding job: every row of the input with its state, and the steps the run takes (one
 * person, or one group of people with the same recipient, per "Remove Members?" dialog). Stored
 * whole in the background's IndexedDB before anything is removed and after every change of state
 * (utils/offboard/job-schema.ts checks what comes back). Pure.
 */
import type { ContentCounts } from '../access/model';
import type { UsersView } from '../amplitude/users-table';
import type { ValidatedOffboardRow } from './validate';

/** People per dialog at most: a refused or failed step fails no more rows than this. */
export const MAX_STEP_PEOPLE = 20;

export type OffboardAction = 'transfer' | 'no-content' | 'without-transfer' | 'revoke';

export type OffboardRowState =
  /** Never run: the validation's reason. */
  | { kind: 'invalid'; reason: string }
  /** Not run, on purpose: not acknowledged, or no longer a member when the run reached them. */
  | { kind: 'skipped'; reason: string }
  | { kind: 'queued' }
  /** The console's confirm is about to be pressed (or was): only the data can tell which. */
  | { kind: 'removing'; at: string }
  | { kind: 'removed'; detail: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'cancelled' };

export interface OffboardJobRow {
  row: number;
  email: string;
  transferTo: string;
  reason: string;
  name: string | null;
  memberId: string | null;
  action: OffboardAction | null;
  /** The recipient's email (lower case) when content moves. */
  recipient: string | null;
  /** What they owned when the run was planned; null when not counted. */
  content: ContentCounts | null;
  state: OffboardRowState;
}

export interface OffboardStep {
  id: number;
  view: UsersView;
  /** The recipient's email, or null (no transfer). */
  recipient: string | null;
  /** The rows (by email, lower case) this step removes. */
  emails: string[];
  /** Content owners removed without transfer, acknowledged one by one by the admin. */
  acknowledged: boolean;
  state: 'queued' | 'removing' | 'done' | 'failed';
  /** Saved just before the confirm: the recipient's content then, and what was to move. */
  before: { recipientContent: ContentCounts | null; moved: ContentCounts | null } | null;
}

export type OffboardJobStatus = 'running' | 'paused' | 'done' | 'cancelled';

export interface OffboardJob {
  id: string;
  orgUrl: string;
  createdAt: string;
  updatedAt: string;
  status: OffboardJobStatus;
  rows: OffboardJobRow[];
  steps: OffboardStep[];
}

const lower = (email: string) => email.trim().toLowerCase();

/** The job for the validated rows: what the preview promised, in steps. */
export function createOffboardJob(input: { id: string; orgUrl: string; now: string; rows: readonly ValidatedOffboardRow[] }): OffboardJob {
  const rows = input.rows.map(({ input: row, verdict }): OffboardJobRow => {
    const base = { row: row.row, email: lower(row.email), transferTo: row.transferTo, reason: row.reason };
    const person = verdict.person;
    const who = { name: person?.name ?? null, memberId: person?.id ?? null };
    switch (verdict.kind) {
      case 'invalid':
        return { ...base, ...who, action: null, recipient: null, content: null, state: { kind: 'invalid', reason: verdict.reason } };
      case 'needs-ack':
        return { ...base, ...who, action: null, recipient: null, content: verdict.content, state: { kind: 'skipped', reason: 'not-acknowledged' } };
      case 'transfer':
        return { ...base, ...who, action: 'transfer', recipient: lower(verdict.recipient.email), content: verdict.content, state: { kind: 'queued' } };
      case 'without-transfer':
        return { ...base, ...who, action: 'without-transfer', recipient: null, content: verdict.content, state: { kind: 'queued' } };
      case 'no-content':
        return { ...base, ...who, action: 'no-content', recipient: null, content: { charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 }, state: { kind: 'queued' } };
      case 'revoke':
        return { ...base, ...who, action: 'revoke', recipient: null, content: null, state: { kind: 'queued' } };
    }
  });
  const job: OffboardJob = { id: input.id, orgUrl: input.orgUrl, createdAt: input.now, updatedAt: input.now, status: 'running', rows, steps: [] };
  return { ...job, steps: planSteps(job.rows.filter((row) => row.state.kind === 'queued'), 1) };
}

/**
 * Steps for these rows: revocations together, removals with transfer by recipient, removals of
 * people who own nothing together, and each acknowledged removal without transfer on its own (its
 * audit entry and the guard's check are about that one person). At most MAX_STEP_PEOPLE a step.
 */
export function planSteps(rows: readonly OffboardJobRow[], firstId: number): OffboardStep[] {
  const groups = new Map<string, { view: UsersView; recipient: string | null; acknowledged: boolean; emails: string[] }>();
  for (const row of rows) {
    if (!row.action) continue;
    const key = row.action === 'without-transfer' ? `ack:${row.email}` : row.action === 'transfer' ? `to:${row.recipient}` : row.action;
    const group = groups.get(key) ?? { view: row.action === 'revoke' ? 'pending' : 'joined', recipient: row.action === 'transfer' ? row.recipient : null, acknowledged: row.action === 'without-transfer', emails: [] };
    group.emails.push(row.email);
    groups.set(key, group);
  }
  const steps: OffboardStep[] = [];
  for (const group of groups.values()) {
    for (let at = 0; at < group.emails.length; at += MAX_STEP_PEOPLE) {
      steps.push({ id: firstId + steps.length, view: group.view, recipient: group.recipient, emails: group.emails.slice(at, at + MAX_STEP_PEOPLE), acknowledged: group.acknowledged, state: 'queued', before: null });
    }
  }
  return steps;
}

export const isFinished = (state: OffboardRowState): boolean => !['queued', 'removing'].includes(state.kind);

export interface OffboardJobCounts {
  total: number;
  toRun: number;
  removed: number;
  failed: number;
  left: number;
  skipped: number;
  invalid: number;
  cancelled: number;
}

export function offboardJobCounts(job: Pick<OffboardJob, 'rows'>): OffboardJobCounts {
  const count = (kind: OffboardRowState['kind']) => job.rows.filter((row) => row.state.kind === kind).length;
  const removed = count('removed');
  const failed = count('failed');
  const left = count('queued') + count('removing');
  const cancelled = count('cancelled');
  return { total: job.rows.length, toRun: removed + failed + left + cancelled, removed, failed, left, skipped: count('skipped'), invalid: count('invalid'), cancelled };
}

/** Failed rows queued again, in new steps after the existing ones. */
export function retryFailedRows(job: OffboardJob, now: string): OffboardJob {
  const rows = job.rows.map((row) => (row.state.kind === 'failed' && row.action ? { ...row, state: { kind: 'queued' } as const } : row));
  const again = rows.filter((row, index) => row.state.kind === 'queued' && job.rows[index]!.state.kind === 'failed');
  const nextId = job.steps.reduce((max, step) => Math.max(max, step.id), 0) + 1;
  return { ...job, rows, steps: [...job.steps, ...planSteps(again, nextId)], status: 'running', updatedAt: now };
}
