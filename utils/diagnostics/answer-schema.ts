/**
 * Validates what a tab's content script answers to the popup's diagnostics request (the popup
 * trusts no message unchecked). Popup only: not bundled into the content script.
 */
import { z } from 'zod/mini';
import { GRAPHQL_NAME } from '@/utils/amplitude/graphql-ops';
import type { DiagnosticsAnswer } from './protocol';

const Count = z.int().check(z.nonnegative());
const Query = z.object({
  operation: z.string(),
  ok: z.boolean(),
  attempts: Count,
  error: z.optional(z.string()),
  kind: z.optional(z.string()),
  at: z.number(),
});

export const DiagnosticsAnswerSchema = z.object({
  isMembersPage: z.boolean(),
  orgUrl: z.nullable(z.string()),
  data: z.nullable(
    z.object({
      status: z.enum(['loading', 'ready', 'refreshing', 'error']),
      readAt: z.nullable(z.string()),
      fromCache: z.boolean(),
      counts: z.nullable(z.object({ members: Count, pending: Count, projects: Count, groups: z.nullable(Count) })),
      error: z.nullable(z.string()),
      unread: z.optional(z.nullable(z.string())),
    }),
  ),
  landmarks: z.record(z.string(), z.enum(['found', 'missing', 'not-on-screen'])),
  rows: z.optional(z.nullable(z.object({ total: Count, unreadable: Count }))),
  queries: z.record(z.string(), Query),
  // Names the page used (GraphQL names only) and how often.
  pageOperations: z.optional(z.record(z.string().check(z.regex(GRAPHQL_NAME)), Count)),
});

export function parseDiagnosticsAnswer(raw: unknown): DiagnosticsAnswer | null {
  const parsed = z.safeParse(DiagnosticsAnswerSchema, raw);
  return parsed.success ? (parsed.data as DiagnosticsAnswer) : null;
}
