/**
 * Change of email in the background: the records in IndexedDB (`emailChanges`) and the answers to
 * the `email-change-*` messages. A save is a compare-and-set on the record's revision, in one
 * transaction: a page that acts on an older picture of the change (another tab took the step
 * meanwhile) is refused and writes nothing, so no step is ever taken twice. A content script may
 * touch only its own page's org; finished changes are forgotten after the job retention. Background only.
 */
import type { IDBPDatabase } from 'idb';
import type { AdminLensDb } from '../storage/db';
import { DAY_MS, JOB_RETENTION_DAYS } from '../storage/expiry';
import { parseEmailChange } from './schema';
import { isFinished, type EmailChange } from './workflow';

/** What a request may reach: everything (an extension page), or one org (a content script's page). */
export type ChangeScope = 'all' | { orgUrl: string | null };

export class ChangeRefusal extends Error {
  constructor(
    readonly code: 'held-elsewhere' | 'forbidden-request',
    message: string,
  ) {
    super(message);
  }
}

const otherOrg = () => new ChangeRefusal('forbidden-request', 'This email change belongs to another org than this page\'s: refused.');

function checkOrg(scope: ChangeScope, orgUrl: string): void {
  if (scope !== 'all' && (scope.orgUrl === null || scope.orgUrl !== orgUrl)) throw otherOrg();
}

function readAll(records: readonly AdminLensDb['emailChanges']['value'][]): EmailChange[] {
  const changes: EmailChange[] = [];
  for (const record of records) {
    const parsed = parseEmailChange(record.change);
    if (parsed.ok) changes.push(parsed.change);
  }
  return changes.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function emailChangeStore(database: () => Promise<IDBPDatabase<AdminLensDb>>, now: () => number) {
  return {
    /** Stores `change` if the stored one is the revision before it (or none, for revision 0). */
    async save(change: EmailChange, scope: ChangeScope): Promise<{ revision: number }> {
      checkOrg(scope, change.orgUrl);
      const db = await database();
      const tx = db.transaction('emailChanges', 'readwrite');
      const stored = await tx.store.get(change.id);
      const prior = stored ? parseEmailChange(stored.change) : null;
      if (stored && scope !== 'all' && stored.orgUrl !== scope.orgUrl) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw otherOrg();
      }
      const expected = change.revision - 1;
      const current = prior?.ok ? prior.change.revision : stored ? Number.NaN : -1;
      if (current !== expected) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw new ChangeRefusal('held-elsewhere', 'This email change moved on meanwhile (another tab, or a newer step): read it again.');
      }
      void tx.store.put({ id: change.id, orgUrl: change.orgUrl, updatedAt: Date.parse(change.updatedAt), change });
      await tx.done;
      if (change.revision === 0) await this.forgetOld();
      return { revision: change.revision };
    },
    async get(id: string, scope: ChangeScope): Promise<EmailChange | null> {
      const record = await (await database()).get('emailChanges', id);
      if (!record) return null;
      checkOrg(scope, record.orgUrl);
      const parsed = parseEmailChange(record.change);
      return parsed.ok ? parsed.change : null;
    },
    /** The changes of one org (a page), or of every org (the popup), newest first. */
    async list(orgUrl: string | null, scope: ChangeScope): Promise<EmailChange[]> {
      if (scope !== 'all') checkOrg(scope, orgUrl ?? '');
      const records = await (await database()).getAll('emailChanges');
      return readAll(orgUrl === null ? records : records.filter((record) => record.orgUrl === orgUrl));
    },
    /** Finished changes (their emails) go after the retention of bulk-invite jobs; open ones stay until they end. */
    async forgetOld(): Promise<void> {
      const db = await database();
      const cutoff = now() - JOB_RETENTION_DAYS * DAY_MS;
      const tx = db.transaction('emailChanges', 'readwrite');
      for (const record of await tx.store.getAll()) {
        const parsed = parseEmailChange(record.change);
        if (record.updatedAt < cutoff && (!parsed.ok || isFinished(parsed.change))) void tx.store.delete(record.id);
      }
      await tx.done;
    },
  };
}
