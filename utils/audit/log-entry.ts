/**
 * What the audit log holds: entries of several kinds, told apart by `kind` (removals, changes of
 * email). Stored entries are read through here: a removal written before there were kinds has no
 * `kind` and is read as a removal (no migration of the stored data needed), and every entry read
 * comes out with its kind. An entry that fits no kind is skipped by the readers, never fatal.
 */
import { z } from 'zod/mini';
import { AuditEntry, type AuditRecord } from './entry';
import { EmailChangeAuditEntry } from './email-change-entry';

export const AUDIT_KINDS = ['removal', 'email-change'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Any entry a page may append. */
export const AuditLogEntry = z.union([EmailChangeAuditEntry, AuditEntry]);
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;

export type EmailChangeAuditRecord = EmailChangeAuditEntry & { id: number };
/** An entry as the log lists it, with its id. */
export type AuditLogRecord = AuditRecord | EmailChangeAuditRecord;

export const auditKindOf = (entry: { kind?: AuditKind }): AuditKind => entry.kind ?? 'removal';

export const isEmailChangeRecord = (record: AuditLogRecord): record is EmailChangeAuditRecord => record.kind === 'email-change';

/** A stored entry, validated, with its kind said (a removal's, when it had none). */
export function parseAuditLogEntry(data: unknown): { ok: true; entry: AuditLogEntry } | { ok: false; error: string } {
  const parsed = z.safeParse(AuditLogEntry, data);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  const entry = parsed.data;
  return { ok: true, entry: entry.kind === 'email-change' ? entry : { ...entry, kind: 'removal' } };
}
