/**
 * The background's one connection to its database, reopened when it goes away. An MV3 worker can
 * live for hours; in that time the browser may close the connection (storage cleared, a disk
 * error: the 'close' event), another context may need it closed ('versionchange'), or opening may
 * fail or hang. Without this, the cached failed or closed connection would make every later request
 * fail until the worker restarts. Here the next request after any of those opens a new one.
 */
import type { ConnectionEvents } from './db';

export interface DbConnection<DB> {
  /** The open connection; opens one if there is none, or the last one closed or failed. */
  get(): Promise<DB>;
  /** Drops the connection after a request failed on it: the next `get` opens a new one. */
  reset(): void;
}

/** Long enough for a first open with migrations on a slow disk; short enough to answer before the sender gives up. */
export const OPEN_TIMEOUT_MS = 5_000;

/** Errors that say the request's data was wrong, not that the connection is: no reason to reopen. */
const DATA_ERRORS = new Set(['DataError', 'ConstraintError', 'DataCloneError']);

/** Whether a failed request should drop the connection (a DOMException from IndexedDB, not about the data). */
export function isConnectionFailure(error: unknown): boolean {
  return typeof DOMException !== 'undefined' && error instanceof DOMException && !DATA_ERRORS.has(error.name);
}

export function createDbConnection<DB extends { close(): void }>(
  open: (events: ConnectionEvents) => Promise<DB>,
  openTimeoutMs = OPEN_TIMEOUT_MS,
): DbConnection<DB> {
  let current: { db: Promise<DB> } | null = null;

  const reset = () => {
    const dropped = current;
    current = null;
    // Closing waits for transactions in flight; a connection that never opened has nothing to close.
    dropped?.db.then((db) => db.close()).catch(() => undefined);
  };

  return {
    get() {
      if (current) return current.db;
      const attempt: { db: Promise<DB> } = { db: Promise.resolve() as unknown as Promise<DB> };
      const forget = () => {
        if (current === attempt) current = null;
      };
      const opening = open({ terminated: forget, versionchange: forget });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`The extension's database did not open within ${openTimeoutMs / 1000} s.`)), openTimeoutMs);
      });
      attempt.db = Promise.race([opening, timeout]).then(
        (db) => {
          clearTimeout(timer);
          return db;
        },
        (error: unknown) => {
          clearTimeout(timer);
          forget();
          // An open that answers after its time is up is closed, not leaked: a newer one took over.
          opening.then((late) => late.close()).catch(() => undefined);
          throw error;
        },
      );
      current = attempt;
      return attempt.db;
    },
    reset,
  };
}
