/**
 * What a shape may look like once it left the page's world: names (GraphQL name characters, or `*`)
 * joined by dots with `[]` for array items, and type words from a closed list. Anything else is
 * refused whole. Used by the content script on each page-world message and by the popup on what
 * the content script answers.
 */
import { z } from 'zod/mini';
import { GRAPHQL_NAME } from '@/utils/amplitude/graphql-ops';
import { SHAPE_LIMITS, SHAPE_TYPES } from './shapes';

const SEGMENT = '(?:[_A-Za-z][_0-9A-Za-z]{0,63}|\\*)(?:\\[\\])*';
const PATH = new RegExp(`^${SEGMENT}(?:\\.${SEGMENT})*$`);

export const ShapeEntries = z
  .array(z.tuple([z.string().check(z.maxLength(1000), z.regex(PATH)), z.array(z.enum(SHAPE_TYPES)).check(z.maxLength(SHAPE_TYPES.length))]))
  .check(z.maxLength(SHAPE_LIMITS.paths));

export const OperationName = z.string().check(z.regex(GRAPHQL_NAME));

export const ShapeMessageSchema = z.object({
  nonce: z.string(),
  operation: OperationName,
  variables: ShapeEntries,
  response: ShapeEntries,
  queryText: z.boolean(),
});

/** Everything recorded for one operation, over all of its calls. */
export const RecordedOperation = z.object({
  operation: OperationName,
  variables: ShapeEntries,
  response: ShapeEntries,
  /** False when some call had no query text (field names of `data` then show as `*`). */
  queryText: z.boolean(),
});
export type RecordedOperation = z.infer<typeof RecordedOperation>;

/** How a recording stands, as the content script answers the popup. */
export const ShapesAnswer = z.object({
  phase: z.enum(['idle', 'recording', 'done']),
  /** Epoch ms when the recording ends or ended. */
  until: z.nullable(z.number()),
  operations: z.array(RecordedOperation).check(z.maxLength(100)),
});
export type ShapesAnswer = z.infer<typeof ShapesAnswer>;
