/**
 * The stored shape of a bulk-invite job, checked with zod when it crosses to the background and
 * when it is read back. A job is stored as its header (`JobMeta`: everything but the rows) and one
 * record per row, so each step writes only the rows it changed.
 */
import { z } from 'zod/mini';
import { OrgRole, ProjectRole } from '../access/model';
import type { InviteJob, JobRow } from './job';

const Text = z.string();

export const RowStateSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('queued') }),
  z.strictObject({ kind: z.literal('sending'), batchId: Text }),
  z.strictObject({ kind: z.literal('sent'), batchId: Text }),
  z.strictObject({ kind: z.literal('verified') }),
  z.strictObject({ kind: z.literal('failed'), reason: Text }),
  z.strictObject({ kind: z.literal('skipped'), reason: Text }),
  z.strictObject({ kind: z.literal('invalid'), reason: Text }),
]);

export const JobRowSchema = z.strictObject({
  row: z.int().check(z.positive()),
  line: z.int().check(z.positive()),
  email: Text,
  cells: z.array(Text),
  teamId: z.nullable(Text),
  batchId: z.nullable(Text),
  state: RowStateSchema,
  attempts: z.int().check(z.nonnegative()),
});

const SharedSettingsSchema = z.strictObject({
  groupIds: z.array(Text),
  projectRoles: z.array(z.strictObject({ projectId: Text, role: ProjectRole })),
  orgRole: OrgRole,
  defaultProjectId: z.nullable(Text),
  teamSpaceIds: z.array(Text),
});

export const JobMetaSchema = z.strictObject({
  id: Text.check(z.minLength(1)),
  orgUrl: Text,
  createdAt: Text,
  updatedAt: Text,
  status: z.enum(['ready', 'running', 'paused', 'cancelled', 'done']),
  pauseReason: z.nullable(Text),
  consecutiveFailedBatches: z.int().check(z.nonnegative()),
  headers: z.array(Text),
  batches: z.array(z.strictObject({ id: Text, settings: SharedSettingsSchema, rows: z.array(z.int()) })),
});

export type JobMeta = Omit<InviteJob, 'rows'>;

export function splitJob(job: InviteJob): { meta: JobMeta; rows: JobRow[] } {
  const { rows, ...meta } = job;
  return { meta, rows };
}

/** Rows that are not the very same objects as before: what a save has to write. */
export function changedRows(previous: InviteJob | null, next: InviteJob): JobRow[] {
  if (!previous || previous.id !== next.id || previous.rows.length !== next.rows.length) return next.rows;
  return next.rows.filter((row, index) => row !== previous.rows[index]);
}

/** A job read back from storage: its header and rows checked again (an older version may have written it). */
export function parseStoredJob(meta: unknown, rows: readonly unknown[]): { ok: true; job: InviteJob } | { ok: false; error: string } {
  const parsedMeta = z.safeParse(JobMetaSchema, meta);
  if (!parsedMeta.success) return { ok: false, error: `job header: ${parsedMeta.error.issues[0]?.message ?? 'invalid'}` };
  const parsedRows: JobRow[] = [];
  for (const row of rows) {
    const parsed = z.safeParse(JobRowSchema, row);
    if (!parsed.success) return { ok: false, error: `job row: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    parsedRows.push(parsed.data);
  }
  parsedRows.sort((a, b) => a.row - b.row);
  return { ok: true, job: { ...parsedMeta.data, rows: parsedRows } };
}
