/**
 * The content script's half of "Record data shapes for 60 s": asks the page-world script to record
 * (shape-protocol.ts), takes its messages for this recording only, checks each against the schema
 * (the page world is untrusted: a message that is not exactly a shape is dropped whole) and merges
 * them per operation, within fixed limits. Holds shapes only, in this page's memory, until the page
 * is left; the popup asks for them (and copies them) while the tab stays open.
 */
import { z } from 'zod/mini';
import { LATE_ANSWER_MS, MAX_MESSAGE_CHARS, RECORD_EVENT, RECORD_MS, SHAPE_EVENT } from './shape-protocol';
import { ShapeMessageSchema, type RecordedOperation, type ShapesAnswer } from './shape-schema';
import { SHAPE_LIMITS, SHAPE_TYPES, type ShapeEntry, type ShapeType } from './shapes';

const MAX_OPERATIONS = 100;

interface Merged {
  variables: Map<string, Set<ShapeType>>;
  response: Map<string, Set<ShapeType>>;
  queryText: boolean;
}

function merge(into: Map<string, Set<ShapeType>>, entries: ShapeEntry[]): void {
  for (const [path, types] of entries) {
    let seen = into.get(path);
    if (!seen) {
      if (into.size >= SHAPE_LIMITS.paths) continue;
      into.set(path, (seen = new Set()));
    }
    for (const type of types) seen.add(type);
  }
}

const list = (merged: Map<string, Set<ShapeType>>): ShapeEntry[] =>
  [...merged].map(([path, types]): ShapeEntry => [path, SHAPE_TYPES.filter((type) => types.has(type))]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export interface ShapeRecording {
  /** Starts a recording (again, from nothing, if one ran before). */
  start(): void;
  answer(): ShapesAnswer;
  stop(): void;
}

export function createShapeRecording(doc: Document = document, now: () => number = Date.now): ShapeRecording {
  let nonce: string | null = null;
  let until: number | null = null;
  const operations = new Map<string, Merged>();

  const onShape = (event: Event) => {
    const detail: unknown = (event as CustomEvent<unknown>).detail;
    if (nonce === null || until === null || now() > until + LATE_ANSWER_MS) return;
    if (typeof detail !== 'string' || detail.length > MAX_MESSAGE_CHARS) return;
    let raw: unknown;
    try {
      raw = JSON.parse(detail);
    } catch {
      return;
    }
    const message = z.safeParse(ShapeMessageSchema, raw);
    if (!message.success || message.data.nonce !== nonce) return;
    const { operation, variables, response, queryText } = message.data;
    let merged = operations.get(operation);
    if (!merged) {
      if (operations.size >= MAX_OPERATIONS) return;
      operations.set(operation, (merged = { variables: new Map(), response: new Map(), queryText }));
    }
    merge(merged.variables, variables);
    merge(merged.response, response);
    merged.queryText &&= queryText;
  };
  doc.addEventListener(SHAPE_EVENT, onShape);

  return {
    start() {
      operations.clear();
      nonce = crypto.randomUUID();
      until = now() + RECORD_MS;
      doc.dispatchEvent(new CustomEvent(RECORD_EVENT, { detail: nonce }));
    },
    answer() {
      const recorded: RecordedOperation[] = [...operations]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([operation, merged]) => ({ operation, variables: list(merged.variables), response: list(merged.response), queryText: merged.queryText }));
      const phase = until === null ? 'idle' : now() < until ? 'recording' : 'done';
      return { phase, until, operations: recorded };
    },
    stop() {
      doc.removeEventListener(SHAPE_EVENT, onShape);
    },
  };
}
