/**
 * How the content script and the page-world script (entrypoints/data-shapes.content.ts) talk while
 * the admin records data shapes: DOM CustomEvents on `document` whose `detail` is a string (a
 * string crosses between the worlds unchanged in Chromium and Firefox; an object does not).
 *
 * - content script → page world: RECORD_EVENT, detail = a fresh nonce. The page-world script
 *   starts recording (or, already recording, takes the new nonce and starts its 60 s again).
 * - page world → content script: SHAPE_EVENT, detail = JSON of a ShapeMessage, one per GraphQL
 *   call; the content script takes only messages with its nonce, and checks each (shape-schema.ts).
 *
 * The page can see and send these events too: everything from the page world is untrusted data.
 */
import type { ShapeEntry } from './shapes';

export const RECORD_EVENT = 'admin-lens:record-shapes';
export const SHAPE_EVENT = 'admin-lens:data-shape';
/** How long a recording lasts; then the page-world script puts everything back. */
export const RECORD_MS = 60_000;
/** A call that started before the end may answer a little later. */
export const LATE_ANSWER_MS = 10_000;
/** The longest SHAPE_EVENT detail the content script reads. */
export const MAX_MESSAGE_CHARS = 200_000;
export const NONCE = /^[0-9a-f-]{36}$/;

/** One GraphQL call's shape, as the page-world script sends it. */
export interface ShapeMessage {
  nonce: string;
  operation: string;
  variables: ShapeEntry[];
  response: ShapeEntry[];
  /** False when the request had no query text (then no key of `data` can be told to be a name). */
  queryText: boolean;
}
