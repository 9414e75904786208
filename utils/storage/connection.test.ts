// @vitest-environment node
/** The background's database connection comes back after it was closed, asked to close, or failed to open. */
import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { deleteDB, unwrap } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { createBackgroundHandler } from '../background-handler';
import { createDbConnection } from './connection';
import { DB_NAME, openAdminLensDb } from './db';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const page = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/options.html` };

function setup() {
  const factory = new IDBFactory();
  const opened: IDBDatabase[] = [];
  const closeEvents = { count: 0 };
  const connection = createDbConnection(async (events) => {
    const db = await openAdminLensDb(factory, {
      ...events,
      terminated: () => {
        closeEvents.count += 1;
        events.terminated?.();
      },
    });
    opened.push(db as unknown as IDBDatabase);
    return db;
  });
  const handle = createBackgroundHandler({ ownId: OWN_ID, ownOrigin: `chrome-extension://${OWN_ID}`, version: '1', db: () => connection.get(), dbFailed: () => connection.reset() });
  // A request that needs a transaction (db-info would answer from a closed connection too).
  const ping = () => handle({ type: 'audit-list' }, page);
  return { factory, connection, opened, closeEvents, handle, ping };
}

describe('database connection', () => {
  it('keeps one connection while it is open', async () => {
    const { connection, opened } = setup();
    expect(await connection.get()).toBe(await connection.get());
    expect(opened).toHaveLength(1);
  });

  it('reopens on the next request after the browser closed it (the close event)', async () => {
    const { connection, opened, closeEvents, ping } = setup();
    expect(await ping()).toMatchObject({ ok: true });
    const first = await connection.get();
    // What the browser does when it closes a connection itself (storage cleared, a disk error).
    forceCloseDatabase(unwrap(first) as unknown as Parameters<typeof forceCloseDatabase>[0]);
    await vi.waitFor(() => expect(closeEvents.count).toBe(1));
    expect(await ping()).toMatchObject({ ok: true, result: { entries: [] } });
    expect(opened).toHaveLength(2);
    expect(await connection.get()).not.toBe(first);
  });

  it('closes for another context that deletes the database (versionchange), and the next request opens a new one', async () => {
    const { factory, opened, ping, handle } = setup();
    await handle({ type: 'audit-list' }, page);
    const previous = globalThis.indexedDB;
    globalThis.indexedDB = factory;
    try {
      // Would be blocked for as long as the worker lives if the connection held on.
      const blocked = vi.fn();
      await deleteDB(DB_NAME, { blocked });
      expect(blocked).not.toHaveBeenCalled();
    } finally {
      globalThis.indexedDB = previous;
    }
    expect(await handle({ type: 'db-info' }, page)).toMatchObject({ ok: true, result: { name: DB_NAME, stores: expect.arrayContaining(['audit', 'inviteJobs', 'inviteRows', 'snapshots']) } });
    expect(opened).toHaveLength(2);
  });

  it('after a request failed on a closed connection, the next one reopens', async () => {
    const { connection, opened, ping } = setup();
    await ping();
    // Closed with no event (as when the browser tears it down mid-request): the request fails...
    (await connection.get()).close();
    const failed = await ping();
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
    // ...and the next request is answered on a new connection.
    expect(await ping()).toMatchObject({ ok: true });
    expect(opened).toHaveLength(2);
  });

  it('a failed open is not kept: the next request tries again', async () => {
    let attempts = 0;
    const factory = new IDBFactory();
    const connection = createDbConnection(async (events) => {
      attempts += 1;
      if (attempts === 1) throw new DOMException('disk full', 'UnknownError');
      return openAdminLensDb(factory, events);
    });
    await expect(connection.get()).rejects.toThrow('disk full');
    await expect(connection.get()).resolves.toBeDefined();
    expect(attempts).toBe(2);
  });

  it('an open that hangs fails after its time, and one that answers late is closed', async () => {
    vi.useFakeTimers();
    try {
      let finish!: (db: { close(): void }) => void;
      const late = { close: vi.fn() };
      const opens = [new Promise<{ close(): void }>((resolve) => (finish = resolve)), Promise.resolve({ close: vi.fn() })];
      const connection = createDbConnection(() => opens.shift()!, 1000);
      const first = connection.get();
      const failure = expect(first).rejects.toThrow(/did not open within 1 s/);
      await vi.advanceTimersByTimeAsync(1000);
      await failure;
      await expect(connection.get()).resolves.toBeDefined();
      finish(late);
      await vi.advanceTimersByTimeAsync(0);
      expect(late.close).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
