/** The background's request handler: sender check, validation, who may ask what, dispatch. Pure of browser globals. */
import type { IDBPDatabase } from 'idb';
import { parseRequest, REQUEST_SENDERS, type Request, type Response, type ResponseMap } from './messages';
import { senderPage, senderRole, type SenderLike, type SenderPage } from './sender';
import { DB_NAME, type AdminLensDb } from './storage/db';
import { isConnectionFailure } from './storage/connection';
import { JOB_RETENTION_DAYS, DAY_MS, pruneAudit, pruneExpired, pruneJobs, retentionCutoff, type RetentionPolicy } from './storage/expiry';
import { DEFAULT_AUDIT_RETENTION_DAYS, DEFAULT_SNAPSHOT_RETENTION_DAYS } from './settings/retention';
import { parseOrgSnapshot, type OrgSnapshot } from './access/model';
import { orgKeyFor } from './org-key';

/** Bump when OrgSnapshot changes shape: cached snapshots of other versions are re-checked. */
export const SNAPSHOT_SCHEMA_VERSION = 2;
/** Parts of a snapshot upload its page never finished are forgotten after this long. */
const UPLOAD_TTL_MS = 2 * 60_000;
import { parseAuditEntry } from './audit/entry';
import { auditKindOf, parseAuditLogEntry, type AuditLogRecord } from './audit/log-entry';
import { parseStoredJob } from './invite/job-schema';
import { jobRunningElsewhere, releaseJobLease, renewJobLease, saveJobStep, type LeaseDeps } from './invite/job-lease-store';
import { latestOffboardJob, offboardRunningElsewhere, pruneOffboardJobs, releaseOffboardLease, renewOffboardLease, saveOffboardJob } from './offboard/job-store';
import type { InviteJob } from './invite/job';
import { ChangeRefusal, emailChangeStore } from './email-change/background-store';

export interface BackgroundDeps {
  ownId: string;
  ownOrigin: string;
  version: string;
  db: () => Promise<IDBPDatabase<AdminLensDb>>;
  /** A request failed on the database connection: drop it, so the next request opens a new one. */
  dbFailed?: () => void;
  /** The retentions (settings), read when data is written or expired; the defaults when absent. */
  retention?: () => Promise<RetentionPolicy>;
  /** Clears the extension's storage areas (local, session, sync); returns the areas cleared. */
  clearStorage?: () => Promise<string[]>;
  /** Epoch ms; tests pass a fixed clock. */
  now?: () => number;
  /** Whether a tab is still open (the leases of bulk-invite and offboarding jobs, stored with the job: a closed tab's run may be resumed elsewhere). */
  tabExists?: (tabId: number) => Promise<boolean>;
}

/** A refusal the sender is told about by its own code, so it can say what happened. */
export class HandlerRefusal extends Error {
  constructor(
    readonly code: 'held-elsewhere' | 'forbidden-request' | 'invalid-message',
    message: string,
  ) {
    super(message);
  }
}

const tabIdOf = (sender: SenderLike): number | null => {
  const id = (sender.tab as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' ? id : null;
};

/** What a request may reach: everything (an extension page), or the org of a content script's page. */
type Scope = 'all' | SenderPage;

const notThisOrg = (what: string) => new HandlerRefusal('forbidden-request', `${what} belongs to another org than this page's: refused.`);

/** Refuses, for a content script, anything about another org than its page's. */
function checkOrg(scope: Scope, orgUrl: unknown, what: string): void {
  if (scope !== 'all' && (scope.orgUrl === null || orgUrl !== scope.orgUrl)) throw notThisOrg(what);
}

function checkOrgKey(scope: Scope, orgKey: string): void {
  if (scope !== 'all' && (scope.orgUrl === null || orgKey !== orgKeyFor(scope.origin, scope.orgUrl))) throw notThisOrg('This cached org data');
}

const orgOfJob = (record: { job: unknown }): unknown => (record.job as { orgUrl?: unknown } | null)?.orgUrl;

type Handlers = { [K in Request['type']]: (request: Extract<Request, { type: K }>, sender: SenderLike, scope: Scope) => Promise<ResponseMap[K]> };

/** Expired data is looked for at most this often (and on the first request of each worker). */
export const SWEEP_EVERY_MS = 60 * 60_000;

const DEFAULT_RETENTION: RetentionPolicy = { auditDays: DEFAULT_AUDIT_RETENTION_DAYS, snapshotDays: DEFAULT_SNAPSHOT_RETENTION_DAYS };

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
  const clock = deps.now ?? Date.now;
  const retention = deps.retention ?? (async () => DEFAULT_RETENTION);
  // The last snapshot put or got, kept while the worker lives: a reload of the page soon after a
  // visit gets it without reading IndexedDB (its own write-through copy, so never older than the store).
  let lastSnapshot: { orgKey: string; answer: { readAt: number; snapshot: OrgSnapshot } } | null = null;
  const leaseDeps: LeaseDeps = { tabExists: deps.tabExists ?? (async () => true), now: clock };
  const heldElsewhere = () => new HandlerRefusal('held-elsewhere', 'This bulk invite is running in another tab; it goes on there.');
  const offboardHeldElsewhere = () => new HandlerRefusal('held-elsewhere', 'This offboarding run is running in another tab; it goes on there.');
  /** A job some runner holds now (its lease, or rows being sent and a recent update): never expired. */
  const isRunningIn = (db: IDBPDatabase<AdminLensDb>) => (jobId: string) => jobRunningElsewhere(db, jobId, null, leaseDeps);

  // Expired data goes on the first request of a worker and then at most hourly; a failed sweep
  // is told in the console and never fails the request that started it.
  let sweptAt = Number.NEGATIVE_INFINITY;
  let sweeping: Promise<void> | null = null;
  async function database(): Promise<IDBPDatabase<AdminLensDb>> {
    const db = await deps.db();
    const now = clock();
    if (!sweeping && now - sweptAt >= SWEEP_EVERY_MS) {
      sweptAt = now;
      sweeping = retention()
        .then((policy) => pruneExpired(db, policy, now, isRunningIn(db)))
        .catch((error: unknown) => console.warn('[Admin Lens] could not remove expired data', error))
        .finally(() => {
          sweeping = null;
        });
    }
    if (sweeping) await sweeping;
    return db;
  }

  const snapshotCutoff = async () => retentionCutoff((await retention()).snapshotDays, clock());

  /** Parts of snapshots being sent in pieces, per sender tab and upload (see `snapshot-part`). */
  const uploads = new Map<string, { startedAt: number; parts: (string | undefined)[] }>();

  async function storeSnapshot(orgKey: string, snapshot: OrgSnapshot): Promise<{ stored: boolean }> {
    {
      const readAt = Date.parse(snapshot.readAt);
      // Two tabs of one org read it at different speeds: the slower one's older read never
      // replaces a newer one (which the memory copy, or the store's time index, knows of).
      if (lastSnapshot?.orgKey === orgKey && lastSnapshot.answer.readAt > readAt) return { stored: false };
      const db = await database();
      const tx = db.transaction('snapshots', 'readwrite');
      let newer = false;
      // Only the keys of the snapshots read later than this one: no snapshot is read whole.
      for (let cursor = await tx.store.index('byReadAt').openKeyCursor(IDBKeyRange.lowerBound(readAt, true)); cursor && !newer; cursor = await cursor.continue()) {
        newer = cursor.primaryKey === orgKey;
      }
      if (!newer) void tx.store.put({ orgKey, readAt, snapshot, schema: SNAPSHOT_SCHEMA_VERSION });
      await tx.done;
      if (newer) return { stored: false };
      lastSnapshot = { orgKey, answer: { readAt, snapshot } };
      return { stored: true };
    }
  }


  const emailChanges = emailChangeStore(database, clock);

  return {
    ping: async () => ({ version: deps.version }),
    'email-change-save': async ({ change }, _sender, scope) => emailChanges.save(change, scope),
    'email-change-list': async ({ orgUrl }, _sender, scope) => ({ changes: await emailChanges.list(orgUrl, scope) }),
    'email-change-all': async () => ({ changes: await emailChanges.list(null, 'all') }),
    'email-change-get': async ({ id }, _sender, scope) => emailChanges.get(id, scope),
    'db-info': async () => {
      const db = await database();
      return { name: DB_NAME, version: db.version, stores: [...db.objectStoreNames].sort() };
    },
    'snapshot-get': async ({ orgKey }, _sender, scope) => {
      checkOrgKey(scope, orgKey);
      const cutoff = await snapshotCutoff();
      const fresh = (readAt: number) => cutoff === null || readAt >= cutoff;
      if (lastSnapshot?.orgKey === orgKey) {
        if (fresh(lastSnapshot.answer.readAt)) return lastSnapshot.answer;
        lastSnapshot = null;
      }
      const db = await database();
      const record = await db.get('snapshots', orgKey);
      if (!record) return null;
      if (!fresh(record.readAt)) {
        // Past its retention between two sweeps: forgotten now, never shown.
        await db.delete('snapshots', orgKey);
        return null;
      }
      // Stored by this version: it was validated when it was put, and checking 5,000 members
      // again would delay the first badges. Stored by another version: check, or treat as absent.
      if (record.schema === SNAPSHOT_SCHEMA_VERSION) return { readAt: record.readAt, snapshot: record.snapshot as OrgSnapshot };
      const parsed = parseOrgSnapshot(record.snapshot);
      return parsed.ok ? { readAt: record.readAt, snapshot: parsed.snapshot } : null;
    },
    'snapshot-put': async ({ orgKey, snapshot }, _sender, scope) => {
      checkOrgKey(scope, orgKey);
      return storeSnapshot(orgKey, snapshot);
    },
    'snapshot-part': async ({ uploadId, index, members }, sender) => {
      const key = `${tabIdOf(sender) ?? 'page'}|${uploadId}`;
      let upload = uploads.get(key);
      if (!upload) {
        // Parts of an upload its page never finished are dropped after a while.
        for (const [other, { startedAt }] of uploads) if (clock() - startedAt > UPLOAD_TTL_MS) uploads.delete(other);
        uploads.set(key, (upload = { startedAt: clock(), parts: [] }));
      }
      upload.parts[index] = members;
      return { received: upload.parts.filter((part) => part !== undefined).length };
    },
    'snapshot-put-parts': async ({ orgKey, uploadId, parts, rest }, sender, scope) => {
      checkOrgKey(scope, orgKey);
      const key = `${tabIdOf(sender) ?? 'page'}|${uploadId}`;
      const upload = uploads.get(key);
      uploads.delete(key);
      const texts = upload?.parts ?? [];
      // A worker that restarted between the parts lost them: say so, the page keeps its data.
      // (Counted by index: the parts array has holes where parts are missing.)
      const arrived = Array.from({ length: parts }, (_, index) => texts[index]).filter((text) => typeof text === 'string').length;
      if (arrived !== parts || texts.length !== parts) {
        throw new HandlerRefusal('invalid-message', `Snapshot upload ${uploadId}: ${arrived} of ${parts} parts arrived.`);
      }
      const members: unknown[] = [];
      try {
        for (const text of texts) members.push(...(JSON.parse(text as string) as unknown[]));
        const parsed = parseOrgSnapshot({ ...(JSON.parse(rest) as object), members });
        if (!parsed.ok) throw new Error(parsed.error);
        return storeSnapshot(orgKey, parsed.snapshot);
      } catch (error) {
        throw new HandlerRefusal('invalid-message', `Snapshot upload ${uploadId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },

    'audit-append': async ({ entry }, _sender, scope) => {
      checkOrg(scope, entry.org.url, 'This audit entry');
      const db = await database();
      // Stored with its kind said (a removal sent without one is a removal).
      const id = await db.add('audit', { at: entry.at, entry: entry.kind === 'email-change' ? entry : { ...entry, kind: auditKindOf(entry) } });
      const cutoff = retentionCutoff((await retention()).auditDays, clock());
      // Retention: drop what is older than the cutoff, never the entry just written.
      if (cutoff !== null) await pruneAudit(db, cutoff, id);
      return { id: Number(id) };
    },
    'audit-update-outcome': async ({ id, outcome, onlyIfPending }, _sender, scope) => {
      const db = await database();
      const tx = db.transaction('audit', 'readwrite');
      const record = await tx.store.get(id);
      const parsed = record ? parseAuditEntry(record.entry) : null;
      if (!record || !parsed?.ok || (onlyIfPending && parsed.entry.outcome.status !== 'pending')) {
        await tx.done;
        return { updated: false };
      }
      if (scope !== 'all' && parsed.entry.org.url !== scope.orgUrl) {
        await tx.done;
        throw notThisOrg('This audit entry');
      }
      await tx.store.put({ ...record, entry: { ...parsed.entry, outcome } });
      await tx.done;
      return { updated: true };
    },
    'invite-job-save': async ({ meta, rows, runnerId }, sender, scope) => {
      checkOrg(scope, meta.orgUrl, 'This bulk invite');
      const db = await database();
      // A job id of another org is not taken over by naming it with this page's org.
      if (scope !== 'all') {
        const prior = await db.get('inviteJobs', meta.id);
        if (prior) checkOrg(scope, orgOfJob(prior), 'This bulk invite');
      }
      // One runner per job: the save is its claim, checked and written in one transaction; a second
      // tab's runner is refused before it writes anything.
      const { saved, created } = await saveJobStep(db, { meta, rows }, runnerId ? { runnerId, tabId: tabIdOf(sender) } : null, leaseDeps);
      if (!saved) throw heldElsewhere();
      // A new job is the moment to forget old ones, finished or not (their rows hold emails), unless they run.
      if (created) await pruneJobs(db, clock() - JOB_RETENTION_DAYS * DAY_MS, isRunningIn(db), meta.id);
      return { saved: rows.length };
    },
    'invite-job-heartbeat': async ({ jobId, runnerId }, sender, scope) => {
      const db = await database();
      if (scope !== 'all') {
        const prior = await db.get('inviteJobs', jobId);
        if (prior) checkOrg(scope, orgOfJob(prior), 'This bulk invite');
      }
      if (!(await renewJobLease(db, jobId, { runnerId, tabId: tabIdOf(sender) }, leaseDeps))) throw heldElsewhere();
      return { renewed: true };
    },
    'invite-job-get': async ({ jobId }, _sender, scope) => {
      const job = await readJob(await database(), jobId);
      if (job) checkOrg(scope, job.orgUrl, 'This bulk invite');
      return job;
    },
    'invite-job-release': async ({ jobId, runnerId }) => {
      await releaseJobLease(await database(), jobId, runnerId);
      return { released: true };
    },
    'invite-job-latest': async ({ orgUrl }, sender, scope) => {
      checkOrg(scope, orgUrl, 'This org\'s bulk invites');
      const db = await database();
      const records = await db.getAll('inviteJobs');
      const newest = records.filter((record) => orgOfJob(record) === orgUrl).sort((a, b) => b.createdAt - a.createdAt)[0];
      const job = newest ? await readJob(db, newest.id) : null;
      return job ? { job, runningElsewhere: await jobRunningElsewhere(db, job.id, tabIdOf(sender), leaseDeps) } : null;
    },
    'audit-unsettled': async ({ orgUrls }, _sender, scope) => {
      // The other names are the same org's (its url, `org/<id>`): a page asks under its own address's.
      if (scope !== 'all' && (scope.orgUrl === null || !orgUrls.includes(scope.orgUrl))) throw notThisOrg('These audit entries');
      const records = await (await database()).getAllFromIndex('audit', 'byTime');
      const entries: ResponseMap['audit-unsettled']['entries'] = [];
      for (const record of records) {
        const parsed = parseAuditEntry(record.entry);
        if (!parsed.ok || record.id === undefined) continue;
        const { at, org, people, outcome } = parsed.entry;
        if (outcome.status === 'pending' && orgUrls.includes(org.url)) entries.push({ id: record.id, at, people });
      }
      return { entries };
    },
    'audit-list': async () => {
      const records = await (await database()).getAllFromIndex('audit', 'byTime');
      const entries: AuditLogRecord[] = [];
      for (const record of records.reverse()) {
        const parsed = parseAuditLogEntry(record.entry);
        // An entry an older version wrote that no longer fits the model is skipped, not fatal.
        if (parsed.ok && record.id !== undefined) entries.push({ id: record.id, ...parsed.entry });
      }
      return { entries };
    },
    'offboard-job-save': async ({ job, runnerId }, sender, scope) => {
      checkOrg(scope, job.orgUrl, 'This offboarding run');
      const db = await database();
      // One runner per job: the save is its claim, checked and written in one transaction.
      const outcome = await saveOffboardJob(db, job, runnerId ? { runnerId, tabId: tabIdOf(sender) } : null, leaseDeps);
      // A job id of another org is not taken over by naming it with this page's org.
      if (!outcome.saved) throw outcome.why === 'other-org' ? notThisOrg('This offboarding run') : offboardHeldElsewhere();
      // A new run is the moment to forget old ones of the org (their rows hold emails), but never an unfinished one.
      if (outcome.created) await pruneOffboardJobs(db, job.orgUrl, clock() - JOB_RETENTION_DAYS * DAY_MS, job.id);
      return { saved: true };
    },
    'offboard-job-heartbeat': async ({ jobId, runnerId }, sender, scope) => {
      const db = await database();
      const prior = await db.get('offboardJobs', jobId);
      if (prior) checkOrg(scope, prior.orgUrl, 'This offboarding run');
      if (!(await renewOffboardLease(db, jobId, { runnerId, tabId: tabIdOf(sender) }, leaseDeps))) throw offboardHeldElsewhere();
      return { renewed: true };
    },
    'offboard-job-release': async ({ jobId, runnerId }) => {
      await releaseOffboardLease(await database(), jobId, runnerId);
      return { released: true };
    },
    'offboard-job-latest': async ({ orgUrl }, sender, scope) => {
      checkOrg(scope, orgUrl, "This org's offboarding runs");
      const db = await database();
      const job = await latestOffboardJob(db, orgUrl);
      return job ? { job, runningElsewhere: await offboardRunningElsewhere(db, job.id, tabIdOf(sender), leaseDeps) } : null;
    },
    'data-delete-all': async () => {
      const db = await deps.db();
      // Every store, also those a later version adds, emptied in one transaction: all or nothing.
      const stores = [...db.objectStoreNames];
      const tx = db.transaction(stores, 'readwrite');
      await Promise.all([...stores.map((name) => tx.objectStore(name).clear()), tx.done]);
      lastSnapshot = null;
      const areas = (await deps.clearStorage?.()) ?? [];
      return { stores: stores.sort(), areas };
    },
  };
}

export function createBackgroundHandler(deps: BackgroundDeps) {
  const handlers = handlersFor(deps);
  return async (message: unknown, sender: SenderLike): Promise<Response<unknown>> => {
    const role = senderRole(sender, deps.ownId, deps.ownOrigin);
    if (role === null) {
      return { ok: false, error: { code: 'forbidden-sender', message: 'Requests are accepted only from Admin Lens itself.' } };
    }
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: { code: parsed.code, message: parsed.message } };
    const type = parsed.request.type;
    let scope: Scope = 'all';
    if (role === 'content-script') {
      const page = senderPage(sender);
      if (REQUEST_SENDERS[type] === 'pages' || !page) {
        return { ok: false, error: { code: 'forbidden-request', message: `"${type}" is answered for Admin Lens's own pages only, not for a web page.` } };
      }
      scope = page;
    }
    try {
      const handler = handlers[type] as (request: Request, sender: SenderLike, scope: Scope) => Promise<unknown>;
      return { ok: true, result: await handler(parsed.request, sender, scope) };
    } catch (error) {
      if (error instanceof HandlerRefusal || error instanceof ChangeRefusal) return { ok: false, error: { code: error.code, message: error.message } };
      // A closed or broken connection is not kept: the next request opens a new one.
      if (isConnectionFailure(error)) deps.dbFailed?.();
      const text = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `"${type}" failed: ${text}` } };
    }
  };
}
