/**
 * The extension's own IndexedDB, opened only in the background (a content script would open the
 * page's database on app.amplitude.com instead). Versioned: each migration upgrades one version.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

export const DB_NAME = 'admin-lens';

export interface AdminLensDb extends DBSchema {
  /** The last org snapshot read from the console, one per org, with the time it was read. */
  snapshots: { key: string; value: { orgKey: string; readAt: number; snapshot: unknown; schema?: number }; indexes: { byReadAt: number } };
  /** Every removal seen in the page, recorded before the console acts. */
  audit: { key: number; value: { id?: number; at: number; entry: unknown }; indexes: { byTime: number } };
  /** Bulk invite jobs and their rows; each row is in exactly one state. */
  inviteJobs: { key: string; value: { id: string; createdAt: number; job: unknown } };
  /** Offboarding jobs, each stored whole (a few hundred rows at most), by id. */
  offboardJobs: { key: string; value: { id: string; orgUrl: string; createdAt: number; job: unknown }; indexes: { byOrg: string } };
  inviteRows: {
    key: [string, number];
    value: { jobId: string; rowNumber: number; state: string; row: unknown };
    indexes: { byJob: string };
  };
  /** Changes of email (utils/email-change): one record per change, in exactly one step, kept across the days in between. */
  emailChanges: { key: string; value: { id: string; orgUrl: string; updatedAt: number; change: unknown } };
}

type Migration = (
  db: IDBPDatabase<AdminLensDb>,
  tx: IDBPTransaction<AdminLensDb, StoreNames<AdminLensDb>[], 'versionchange'>,
) => void;

/** MIGRATIONS[n] upgrades a database at version n to version n + 1. Append, never edit. */
const MIGRATIONS: Migration[] = [
  (db) => {
    db.createObjectStore('snapshots', { keyPath: 'orgKey' });
    const audit = db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true });
    audit.createIndex('byTime', 'at');
    db.createObjectStore('inviteJobs', { keyPath: 'id' });
    const rows = db.createObjectStore('inviteRows', { keyPath: ['jobId', 'rowNumber'] });
    rows.createIndex('byJob', 'jobId');
  },
  // Snapshots expire: their age is found by key, without reading (and cloning) whole snapshots.
  (_db, tx) => {
    tx.objectStore('snapshots').createIndex('byReadAt', 'readAt');
  },
  // Offboarding jobs (issue 17): the run's state lives here before anything is removed.
  (db) => {
    db.createObjectStore('offboardJobs', { keyPath: 'id' }).createIndex('byOrg', 'orgUrl');
  },
  // Changes of email (issue 18). Additive and guarded, so that it stays right whatever order
  // branches that each add a store are merged in.
  (db) => {
    if (!db.objectStoreNames.contains('emailChanges')) db.createObjectStore('emailChanges', { keyPath: 'id' });
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Told when the browser closes the connection or another one needs it closed (then reopen). */
export interface ConnectionEvents {
  /** The browser closed it (storage cleared, disk error): the 'close' event. */
  terminated?(): void;
  /** Another connection wants to upgrade or delete the database: this one has been closed for it. */
  versionchange?(): void;
}

export function openAdminLensDb(factory?: IDBFactory, events: ConnectionEvents = {}): Promise<IDBPDatabase<AdminLensDb>> {
  const open = () =>
    openDB<AdminLensDb>(DB_NAME, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        for (let version = oldVersion; version < DB_VERSION; version++) MIGRATIONS[version]?.(db, tx);
      },
      blocking(_current, _blocked, event) {
        // Holding on would block the other side for as long as the worker lives.
        (event.target as IDBDatabase).close();
        events.versionchange?.();
      },
      terminated: () => events.terminated?.(),
    });
  if (!factory) return open();
  // Tests pass a fresh fake-indexeddb factory; idb reads the global one.
  const previous = globalThis.indexedDB;
  globalThis.indexedDB = factory;
  try {
    return open();
  } finally {
    globalThis.indexedDB = previous;
  }
}
