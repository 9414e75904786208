/** Sending typed requests to the background, from content scripts and extension pages. */
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
// Types only from ./messages: its request schemas belong to the background and would only add
// weight to the content script, whose size is budgeted.
import type { Request, ResponseMap } from './messages';

/** The shape every response must have; used by senders to validate what comes back. */
export const ResponseEnvelope = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);

/** Thrown by `sendRequest` when the background refuses or fails a request. */
export class BackgroundError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}


export async function sendRequest<R extends Request>(request: R): Promise<ResponseMap[R['type']]> {
  const raw: unknown = await browser.runtime.sendMessage(request);
  const parsed = z.safeParse(ResponseEnvelope, raw);
  if (!parsed.success) {
    throw new BackgroundError('invalid-response', `The background answered "${request.type}" with an unexpected shape.`);
  }
  if (!parsed.data.ok) throw new BackgroundError(parsed.data.error.code, parsed.data.error.message);
  return parsed.data.result as ResponseMap[R['type']];
}
