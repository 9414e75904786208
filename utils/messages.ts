/**
 * Messages between the content script / extension pages and the background service worker.
 * Every message is validated with zod on arrival; its sender is checked before anything runs.
 * zod/mini keeps the content script small (full zod costs about 30 KB gzip per bundle).
 */
import { z } from 'zod/mini';
import { OrgSnapshot } from './access/model';
import { AuditOutcome, type AuditRecord } from './audit/entry';
import { AuditLogEntry, type AuditLogRecord } from './audit/log-entry';
import { JobMetaSchema, JobRowSchema } from './invite/job-schema';
import type { InviteJob } from './invite/job';
import { OffboardJobSchema } from './offboard/job-schema';
import type { OffboardJob } from './offboard/job';
import { EmailChangeSchema } from './email-change/schema';
import type { EmailChange } from './email-change/workflow';

/**
 * An org snapshot as its JSON text or as the object. The page sends the text: for a 5,000-member
 * org, one string crosses the message boundary far quicker than the object graph, which the
 * browser converts value by value in the page's own task (the bench's longest piece of work).
 * Text that is not JSON becomes undefined, and is refused by the schema like any wrong shape.
 */
const SnapshotPayload = z.pipe(
  z.transform((value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  }),
  OrgSnapshot,
);

/** One strict schema per message type: unexpected fields are errors, not silently dropped. */
const REQUEST_SCHEMAS = {
  ping: z.strictObject({ type: z.literal('ping') }),
  'db-info': z.strictObject({ type: z.literal('db-info') }),
  /** The last snapshot of an org, so the page shows the cached picture at once. */
  'snapshot-get': z.strictObject({ type: z.literal('snapshot-get'), orgKey: z.string().check(z.minLength(1)) }),
  'snapshot-put': z.strictObject({ type: z.literal('snapshot-put'), orgKey: z.string().check(z.minLength(1)), snapshot: SnapshotPayload }),
  /**
   * A large snapshot in parts (content/snapshot-upload.ts): each part is the JSON text of a slice
   * of its members, sent in a task of its own; `snapshot-put-parts` then names the parts and
   * brings the rest of the snapshot. No task of the page carries the whole org.
   */
  'snapshot-part': z.strictObject({
    type: z.literal('snapshot-part'),
    uploadId: z.string().check(z.minLength(1), z.maxLength(64)),
    index: z.int().check(z.minimum(0), z.maximum(999)),
    members: z.string(),
  }),
  'snapshot-put-parts': z.strictObject({
    type: z.literal('snapshot-put-parts'),
    orgKey: z.string().check(z.minLength(1)),
    uploadId: z.string().check(z.minLength(1), z.maxLength(64)),
    parts: z.int().check(z.minimum(0), z.maximum(1000)),
    /** The snapshot without its members, as JSON text. */
    rest: z.string(),
  }),
  /** Audit log: an entry (a removal recorded before the console acts, a step of an email change), a removal's outcome afterwards, the list. */
  'audit-append': z.strictObject({ type: z.literal('audit-append'), entry: AuditLogEntry }),
  /** `onlyIfPending`: a later read settling an entry never overwrites an outcome already recorded. */
  'audit-update-outcome': z.strictObject({ type: z.literal('audit-update-outcome'), id: z.int(), outcome: AuditOutcome, onlyIfPending: z.optional(z.boolean()) }),
  /** The entries of an org (by any of the names its address may use) whose outcome is not known yet. */
  'audit-unsettled': z.strictObject({ type: z.literal('audit-unsettled'), orgUrls: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)) }),
  'audit-list': z.strictObject({ type: z.literal('audit-list') }),
  /** Bulk invite jobs: saved (header + the rows that changed) before and after every step. */
  'invite-job-save': z.strictObject({ type: z.literal('invite-job-save'), meta: JobMetaSchema, rows: z.array(JobRowSchema), runnerId: z.optional(z.string().check(z.minLength(1))) }),
  /** The runner is done with the job (finished, paused or cancelled): another tab may take it. */
  'invite-job-release': z.strictObject({ type: z.literal('invite-job-release'), jobId: z.string().check(z.minLength(1)), runnerId: z.string().check(z.minLength(1)) }),
  /** The runner's heartbeat while it runs (also while it waits on a slow Send): its lease on the job renewed. */
  'invite-job-heartbeat': z.strictObject({ type: z.literal('invite-job-heartbeat'), jobId: z.string().check(z.minLength(1)), runnerId: z.string().check(z.minLength(1)) }),
  'invite-job-get': z.strictObject({ type: z.literal('invite-job-get'), jobId: z.string().check(z.minLength(1)) }),
  /** The newest job of an org, so a page can offer to resume an interrupted run. */
  'invite-job-latest': z.strictObject({ type: z.literal('invite-job-latest'), orgUrl: z.string().check(z.minLength(1)) }),
  /**
   * Offboarding jobs: stored whole before anything is removed and after every change of a row. A
   * runner's save is its claim on the job (its lease, as the bulk invite's): refused while another
   * tab's runner holds it.
   */
  'offboard-job-save': z.strictObject({ type: z.literal('offboard-job-save'), job: OffboardJobSchema, runnerId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))) }),
  /** The offboarding runner's heartbeat while it runs (also while it waits on the console): its lease renewed. */
  'offboard-job-heartbeat': z.strictObject({ type: z.literal('offboard-job-heartbeat'), jobId: z.string().check(z.minLength(1)), runnerId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  /** The offboarding runner is done with the job (finished, paused, cancelled, the page left): another tab may take it. */
  'offboard-job-release': z.strictObject({ type: z.literal('offboard-job-release'), jobId: z.string().check(z.minLength(1)), runnerId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  /** The newest offboarding job of an org, so a page can offer to resume an interrupted run. */
  'offboard-job-latest': z.strictObject({ type: z.literal('offboard-job-latest'), orgUrl: z.string().check(z.minLength(1)) }),
  /**
   * Changes of email (utils/email-change): a save is refused unless the stored record is the
   * revision before it (another tab took the step meanwhile); the list of a page's org; every org's
   * (the popup); one by id.
   */
  'email-change-save': z.strictObject({ type: z.literal('email-change-save'), change: EmailChangeSchema }),
  'email-change-list': z.strictObject({ type: z.literal('email-change-list'), orgUrl: z.string().check(z.minLength(1)) }),
  'email-change-all': z.strictObject({ type: z.literal('email-change-all') }),
  'email-change-get': z.strictObject({ type: z.literal('email-change-get'), id: z.string().check(z.minLength(1)) }),
  /** Options › "Delete all Admin Lens data": every store emptied, every storage area cleared. */
  'data-delete-all': z.strictObject({ type: z.literal('data-delete-all') }),
} as const;

export type RequestType = keyof typeof REQUEST_SCHEMAS;

/**
 * Who may send each request, least privilege: `pages` only the extension's own pages (popup,
 * options, audit log); `own-org` a content script too, for the org of the page it runs on (the
 * background checks the org named in the request, or of the record it touches); `any` both.
 * A content script runs in a page a script of the console could subvert, so it never lists the
 * whole audit log, reads another org's data or deletes anything.
 */
export const REQUEST_SENDERS: Record<RequestType, 'pages' | 'own-org' | 'any'> = {
  ping: 'any',
  'db-info': 'pages',
  'snapshot-get': 'own-org',
  'snapshot-put': 'own-org',
  // A part names no org: it is kept for its sender's tab only, and the org is checked when the parts are put.
  'snapshot-part': 'own-org',
  'snapshot-put-parts': 'own-org',
  'audit-append': 'own-org',
  'audit-update-outcome': 'own-org',
  'audit-unsettled': 'own-org',
  'audit-list': 'pages',
  'invite-job-save': 'own-org',
  // Only the runner that holds the lease can let go of it (its id): nothing to read or change.
  'invite-job-release': 'any',
  // Renews the lease of a job of the page's own org (checked by the handler).
  'invite-job-heartbeat': 'own-org',
  'invite-job-get': 'own-org',
  'invite-job-latest': 'own-org',
  'offboard-job-save': 'own-org',
  // Renews the lease of a job of the page's own org (checked by the handler).
  'offboard-job-heartbeat': 'own-org',
  // Only the runner that holds the lease can let go of it (its id): nothing to read or change.
  'offboard-job-release': 'any',
  'offboard-job-latest': 'own-org',
  'email-change-save': 'own-org',
  'email-change-list': 'own-org',
  // Every org's changes (emails of several orgs): the popup only.
  'email-change-all': 'pages',
  'email-change-get': 'own-org',
  'data-delete-all': 'pages',
};
export type Request = { [K in RequestType]: z.infer<(typeof REQUEST_SCHEMAS)[K]> }[RequestType];
/** A request as a sender writes it (before the schema's transforms, e.g. a snapshot as JSON text). */
export type RequestInput = { [K in RequestType]: z.input<(typeof REQUEST_SCHEMAS)[K]> }[RequestType];

export interface ResponseMap {
  ping: { version: string };
  'db-info': { name: string; version: number; stores: string[] };
  'snapshot-get': { readAt: number; snapshot: OrgSnapshot } | null;
  /** false: a newer snapshot of the org was stored already (a slower tab's older read is not kept). */
  'snapshot-put': { stored: boolean };
  'snapshot-part': { received: number };
  'snapshot-put-parts': { stored: boolean };
  'audit-append': { id: number };
  'audit-update-outcome': { updated: boolean };
  'audit-unsettled': { entries: Pick<AuditRecord, 'id' | 'at' | 'people'>[] };
  'audit-list': { entries: AuditLogRecord[] };
  'invite-job-save': { saved: number };
  'invite-job-get': InviteJob | null;
  'invite-job-release': { released: true };
  'invite-job-heartbeat': { renewed: true };
  /** `runningElsewhere`: another live page runs it now (it is not to be offered for resuming). */
  'invite-job-latest': { job: InviteJob; runningElsewhere: boolean } | null;
  'offboard-job-save': { saved: true };
  'offboard-job-heartbeat': { renewed: true };
  'offboard-job-release': { released: true };
  /** `runningElsewhere`: another live page runs it now (it is not to be offered for resuming). */
  'offboard-job-latest': { job: OffboardJob; runningElsewhere: boolean } | null;
  'email-change-save': { revision: number };
  'email-change-list': { changes: EmailChange[] };
  'email-change-all': { changes: EmailChange[] };
  'email-change-get': EmailChange | null;
  /** The stores emptied and the storage areas cleared. */
  'data-delete-all': { stores: string[]; areas: string[] };
}

/** `forbidden-request`: a sender that may talk to the background asked for what it may not have. */
export type ErrorCode = 'invalid-message' | 'unknown-type' | 'forbidden-sender' | 'forbidden-request' | 'internal' | 'held-elsewhere';

export type Response<T> =
  | { ok: true; result: T }
  | { ok: false; error: { code: ErrorCode; message: string } };

export const KNOWN_TYPES = Object.keys(REQUEST_SCHEMAS) as RequestType[];

/**
 * Validates an incoming message. The error text names the problem and where it is, so a
 * malformed message is never silently ignored.
 */
export function parseRequest(message: unknown): { ok: true; request: Request } | { ok: false; code: ErrorCode; message: string } {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { ok: false, code: 'invalid-message', message: 'Message must be an object with a "type" field.' };
  }
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string') {
    return { ok: false, code: 'invalid-message', message: 'Message has no string "type" field.' };
  }
  if (!Object.hasOwn(REQUEST_SCHEMAS, type)) {
    return {
      ok: false,
      code: 'unknown-type',
      message: `Unknown message type "${type}". Known types: ${KNOWN_TYPES.join(', ')}.`,
    };
  }
  const parsed = z.safeParse(REQUEST_SCHEMAS[type as RequestType], message);
  if (!parsed.success) {
    return { ok: false, code: 'invalid-message', message: `Malformed "${type}" message: ${z.prettifyError(parsed.error)}` };
  }
  return { ok: true, request: parsed.data as Request };
}
