/**
 * The stored shape of an offboarding job, checked with zod when it crosses to the background and
 * when it is read back (a job written by another version is refused, never half-read).
 */
import { z } from 'zod/mini';
import type { OffboardJob } from './job';

const Text = z.string();
const Count = z.int().check(z.nonnegative());
const Content = z.strictObject({ charts: Count, dashboards: Count, cohorts: Count, notebooks: Count });

const RowState = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('invalid'), reason: Text }),
  z.strictObject({ kind: z.literal('skipped'), reason: Text }),
  z.strictObject({ kind: z.literal('queued') }),
  z.strictObject({ kind: z.literal('removing'), at: Text }),
  z.strictObject({ kind: z.literal('removed'), detail: Text }),
  z.strictObject({ kind: z.literal('failed'), reason: Text }),
  z.strictObject({ kind: z.literal('cancelled') }),
]);

const Row = z.strictObject({
  row: z.int().check(z.positive()),
  email: Text,
  transferTo: Text,
  reason: Text,
  name: z.nullable(Text),
  memberId: z.nullable(Text),
  action: z.nullable(z.enum(['transfer', 'no-content', 'without-transfer', 'revoke'])),
  recipient: z.nullable(Text),
  content: z.nullable(Content),
  state: RowState,
});

const Step = z.strictObject({
  id: z.int().check(z.positive()),
  view: z.enum(['joined', 'pending']),
  recipient: z.nullable(Text),
  emails: z.array(Text),
  acknowledged: z.boolean(),
  state: z.enum(['queued', 'removing', 'done', 'failed']),
  before: z.nullable(z.strictObject({ recipientContent: z.nullable(Content), moved: z.nullable(Content) })),
});

export const OffboardJobSchema = z.strictObject({
  id: Text.check(z.minLength(1), z.maxLength(64)),
  orgUrl: Text.check(z.minLength(1)),
  createdAt: Text,
  updatedAt: Text,
  status: z.enum(['running', 'paused', 'done', 'cancelled']),
  rows: z.array(Row).check(z.maxLength(5000)),
  steps: z.array(Step),
});

export function parseOffboardJob(value: unknown): OffboardJob | null {
  const parsed = z.safeParse(OffboardJobSchema, value);
  return parsed.success ? (parsed.data as OffboardJob) : null;
}
