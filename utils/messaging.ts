/** Sending typed requests to the background, from content scripts and extension pages. */
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { BackgroundError, ResponseEnvelope, type Request, type ResponseMap } from './messages';

export async function sendRequest<R extends Request>(request: R): Promise<ResponseMap[R['type']]> {
  const raw: unknown = await browser.runtime.sendMessage(request);
  const parsed = z.safeParse(ResponseEnvelope, raw);
  if (!parsed.success) {
    throw new BackgroundError('invalid-response', `The background answered "${request.type}" with an unexpected shape.`);
  }
  if (!parsed.data.ok) throw new BackgroundError(parsed.data.error.code, parsed.data.error.message);
  return parsed.data.result as ResponseMap[R['type']];
}
