/** Sending typed requests to the background, from content scripts and extension pages. */
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { t } from './i18n';
// Types only from ./messages: its request schemas belong to the background and would only add
// weight to the content script, whose size is budgeted.
import type { RequestInput, ResponseMap } from './messages';

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


/**
 * How long a request may take before the sender stops waiting. The background can be slow to
 * answer (a worker starting, a large snapshot written) but not this slow; past it, it is stuck
 * (a database that will not open), and a sender that waits for ever is worse: the removal guard
 * would hold its dialog with no word. Callers say what they do without the answer.
 */
export const REQUEST_TIMEOUT_MS = 15_000;

export interface RequestOptions {
  /** Override for a request known to take longer (or to need a quicker "no"). */
  timeoutMs?: number;
}

export async function sendRequest<R extends RequestInput>(request: R, { timeoutMs = REQUEST_TIMEOUT_MS }: RequestOptions = {}): Promise<ResponseMap[R['type']]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new BackgroundError('timeout', t('requestTimedOut', { type: request.type, seconds: Math.round(timeoutMs / 1000) }))),
      timeoutMs,
    );
  });
  let raw: unknown;
  try {
    raw = await Promise.race([browser.runtime.sendMessage(request), timeout]);
  } finally {
    clearTimeout(timer);
  }
  const parsed = z.safeParse(ResponseEnvelope, raw);
  if (!parsed.success) {
    throw new BackgroundError('invalid-response', `The background answered "${request.type}" with an unexpected shape.`);
  }
  if (!parsed.data.ok) throw new BackgroundError(parsed.data.error.code, parsed.data.error.message);
  return parsed.data.result as ResponseMap[R['type']];
}
