/** The background's request handler: sender check, validation, dispatch. Pure of browser globals. */
import type { IDBPDatabase } from 'idb';
import { parseRequest, type Request, type Response, type ResponseMap } from './messages';
import { isTrustedSender, type SenderLike } from './sender';
import { DB_NAME, type AdminLensDb } from './storage/db';
import { parseOrgSnapshot, type OrgSnapshot } from './access/model';

/** Bump when OrgSnapshot changes shape: cached snapshots of other versions are re-checked. */
export const SNAPSHOT_SCHEMA_VERSION = 2;
import { parseAuditEntry, type AuditRecord } from './audit/entry';
import { retentionCutoff } from './audit/retention-cutoff';
import { parseStoredJob } from './invite/job-schema';
import { jobRunningElsewhere, releaseJobLease, renewJobLease, saveJobStep, type LeaseDeps } from './invite/job-lease-store';
import type { InviteJob } from './invite/job';

export interface BackgroundDeps {
  ownId: string;
  ownOrigin: string;
  version: string;
  db: () => Promise<IDBPDatabase<AdminLensDb>>;
  /** Removal audit log retention in days (null = keep all); read when an entry is appended. */
  auditRetentionDays?: () => Promise<number | null>;
  /** Epoch ms; tests pass a fixed clock. */
  now?: () => number;
  /** Whether a tab is still open (bulk-invite leases, stored with the job: a closed tab's run may be resumed elsewhere). */
  tabExists?: (tabId: number) => Promise<boolean>;
}

/** A refusal the sender is told about by its own code, so it can say what happened. */
export class HandlerRefusal extends Error {
  constructor(
    readonly code: 'held-elsewhere',
    message: string,
  ) {
    super(message);
  }
}

const tabIdOf = (sender: SenderLike): number | null => {
  const id = (sender.tab as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' ? id : null;
};

type Handlers = { [K in Request['type']]: (request: Extract<Request, { type: K }>, sender: SenderLike) => Promise<ResponseMap[K]> };

/** Finished (done or cancelled) bulk-invite jobs are kept this long for their results, then forgotten. */
export const FINISHED_JOB_DAYS = 30;

async function pruneFinishedJobs(db: IDBPDatabase<AdminLensDb>, before: number, keep: string): Promise<void> {
  const tx = db.transaction(['inviteJobs', 'inviteRows'], 'readwrite');
  const rows = tx.objectStore('inviteRows');
  for (let cursor = await tx.objectStore('inviteJobs').openCursor(); cursor; cursor = await cursor.continue()) {
    const { status, updatedAt } = cursor.value.job as { status?: unknown; updatedAt?: unknown };
    const finished = status === 'done' || status === 'cancelled';
    if (cursor.value.id === keep || !finished || typeof updatedAt !== 'string' || !(Date.parse(updatedAt) < before)) continue;
    for (const key of await rows.index('byJob').getAllKeys(cursor.value.id)) await rows.delete(key);
    await cursor.delete();
  }
  await tx.done;
}

async function readJob(db: IDBPDatabase<AdminLensDb>, jobId: string): Promise<InviteJob | null> {
  const tx = db.transaction(['inviteJobs', 'inviteRows'], 'readonly');
  const [record, rows] = await Promise.all([tx.objectStore('inviteJobs').get(jobId), tx.objectStore('inviteRows').index('byJob').getAll(jobId)]);
  await tx.done;
  if (!record) return null;
  const parsed = parseStoredJob(record.job, rows.map((row) => row.row));
  // A job an older version wrote that no longer fits is not offered (never half-read).
  return parsed.ok ? parsed.job : null;
}

function handlersFor(deps: BackgroundDeps): Handlers {
  // The last snapshot put or got, kept while the worker lives: a reload of the page soon after a
  // visit gets it without reading IndexedDB (its own write-through copy, so never older than the store).
  let lastSnapshot: { orgKey: string; answer: { readAt: number; snapshot: OrgSnapshot } } | null = null;
  const leaseDeps: LeaseDeps = { tabExists: deps.tabExists ?? (async () => true), now: deps.now ?? Date.now };
  const heldElsewhere = () => new HandlerRefusal('held-elsewhere', 'This bulk invite is running in another tab; it goes on there.');
  return {
    ping: async () => ({ version: deps.version }),
    'db-info': async () => {
      const db = await deps.db();
      return { name: DB_NAME, version: db.version, stores: [...db.objectStoreNames].sort() };
    },
    'snapshot-get': async ({ orgKey }) => {
      if (lastSnapshot?.orgKey === orgKey) return lastSnapshot.answer;
      const record = await (await deps.db()).get('snapshots', orgKey);
      if (!record) return null;
      // Stored by this version: it was validated when it was put, and checking 5,000 members
      // again would delay the first badges. Stored by another version: check, or treat as absent.
      if (record.schema === SNAPSHOT_SCHEMA_VERSION) return { readAt: record.readAt, snapshot: record.snapshot as OrgSnapshot };
      const parsed = parseOrgSnapshot(record.snapshot);
      return parsed.ok ? { readAt: record.readAt, snapshot: parsed.snapshot } : null;
    },
    'snapshot-put': async ({ orgKey, snapshot }) => {
      const readAt = Date.parse(snapshot.readAt);
      if (lastSnapshot?.orgKey === orgKey) lastSnapshot = null;
      await (await deps.db()).put('snapshots', { orgKey, readAt, snapshot, schema: SNAPSHOT_SCHEMA_VERSION });
      lastSnapshot = { orgKey, answer: { readAt, snapshot } };
      return { stored: true };
    },
    'audit-append': async ({ entry }) => {
      const db = await deps.db();
      const id = await db.add('audit', { at: entry.at, entry });
      const cutoff = retentionCutoff((await deps.auditRetentionDays?.()) ?? null, (deps.now ?? Date.now)());
      if (cutoff !== null) {
        // Retention: drop what is older than the cutoff, never the entry just written.
        const tx = db.transaction('audit', 'readwrite');
        for (let cursor = await tx.store.index('byTime').openCursor(IDBKeyRange.upperBound(cutoff, true)); cursor; cursor = await cursor.continue()) {
          if (cursor.primaryKey !== id) await cursor.delete();
        }
        await tx.done;
      }
      return { id: Number(id) };
    },
    'audit-update-outcome': async ({ id, outcome }) => {
      const db = await deps.db();
      const tx = db.transaction('audit', 'readwrite');
      const record = await tx.store.get(id);
      const parsed = record ? parseAuditEntry(record.entry) : null;
      if (!record || !parsed?.ok) {
        await tx.done;
        return { updated: false };
      }
      await tx.store.put({ ...record, entry: { ...parsed.entry, outcome } });
      await tx.done;
      return { updated: true };
    },
    'invite-job-save': async ({ meta, rows, runnerId }, sender) => {
      // One runner per job: the save is its claim, checked and written in one transaction; a second
      // tab's runner is refused before it writes anything.
      const db = await deps.db();
      const { saved, created } = await saveJobStep(db, { meta, rows }, runnerId ? { runnerId, tabId: tabIdOf(sender) } : null, leaseDeps);
      if (!saved) throw heldElsewhere();
      // A new job is the moment to forget finished ones past their time (their rows hold emails).
      if (created) await pruneFinishedJobs(db, (deps.now ?? Date.now)() - FINISHED_JOB_DAYS * 86_400_000, meta.id);
      return { saved: rows.length };
    },
    'invite-job-heartbeat': async ({ jobId, runnerId }, sender) => {
      if (!(await renewJobLease(await deps.db(), jobId, { runnerId, tabId: tabIdOf(sender) }, leaseDeps))) throw heldElsewhere();
      return { renewed: true };
    },
    'invite-job-get': async ({ jobId }) => readJob(await deps.db(), jobId),
    'invite-job-release': async ({ jobId, runnerId }) => {
      await releaseJobLease(await deps.db(), jobId, runnerId);
      return { released: true };
    },
    'invite-job-latest': async ({ orgUrl }, sender) => {
      const db = await deps.db();
      const records = await db.getAll('inviteJobs');
      const newest = records
        .filter((record) => (record.job as { orgUrl?: unknown }).orgUrl === orgUrl)
        .sort((a, b) => b.createdAt - a.createdAt)[0];
      const job = newest ? await readJob(db, newest.id) : null;
      return job ? { job, runningElsewhere: await jobRunningElsewhere(db, job.id, tabIdOf(sender), leaseDeps) } : null;
    },
    'audit-list': async () => {
      const records = await (await deps.db()).getAllFromIndex('audit', 'byTime');
      const entries: AuditRecord[] = [];
      for (const record of records.reverse()) {
        const parsed = parseAuditEntry(record.entry);
        // An entry an older version wrote that no longer fits the model is skipped, not fatal.
        if (parsed.ok && record.id !== undefined) entries.push({ id: record.id, ...parsed.entry });
      }
      return { entries };
    },
  };
}

export function createBackgroundHandler(deps: BackgroundDeps) {
  const handlers = handlersFor(deps);
  return async (message: unknown, sender: SenderLike): Promise<Response<unknown>> => {
    if (!isTrustedSender(sender, deps.ownId, deps.ownOrigin)) {
      return { ok: false, error: { code: 'forbidden-sender', message: 'Requests are accepted only from Admin Lens itself.' } };
    }
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: { code: parsed.code, message: parsed.message } };
    try {
      const handler = handlers[parsed.request.type] as (request: Request, sender: SenderLike) => Promise<unknown>;
      return { ok: true, result: await handler(parsed.request, sender) };
    } catch (error) {
      if (error instanceof HandlerRefusal) return { ok: false, error: { code: error.code, message: error.message } };
      const text = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `"${parsed.request.type}" failed: ${text}` } };
    }
  };
}
