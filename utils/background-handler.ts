/** The background's request handler: sender check, validation, dispatch. Pure of browser globals. */
import type { IDBPDatabase } from 'idb';
import { parseRequest, type Request, type Response, type ResponseMap } from './messages';
import { isTrustedSender, type SenderLike } from './sender';
import { DB_NAME, type AdminLensDb } from './storage/db';
import { parseOrgSnapshot } from './access/model';

export interface BackgroundDeps {
  ownId: string;
  ownOrigin: string;
  version: string;
  db: () => Promise<IDBPDatabase<AdminLensDb>>;
}

type Handlers = { [K in Request['type']]: (request: Extract<Request, { type: K }>) => Promise<ResponseMap[K]> };

function handlersFor(deps: BackgroundDeps): Handlers {
  return {
    ping: async () => ({ version: deps.version }),
    'db-info': async () => {
      const db = await deps.db();
      return { name: DB_NAME, version: db.version, stores: [...db.objectStoreNames].sort() };
    },
    'snapshot-get': async ({ orgKey }) => {
      const record = await (await deps.db()).get('snapshots', orgKey);
      if (!record) return null;
      // What was stored by an older version may no longer fit the model: treat it as absent.
      const parsed = parseOrgSnapshot(record.snapshot);
      return parsed.ok ? { readAt: record.readAt, snapshot: parsed.snapshot } : null;
    },
    'snapshot-put': async ({ orgKey, snapshot }) => {
      await (await deps.db()).put('snapshots', { orgKey, readAt: Date.parse(snapshot.readAt), snapshot });
      return { stored: true };
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
      const handler = handlers[parsed.request.type] as (request: Request) => Promise<unknown>;
      return { ok: true, result: await handler(parsed.request) };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `"${parsed.request.type}" failed: ${text}` } };
    }
  };
}
