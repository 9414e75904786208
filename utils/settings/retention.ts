/**
 * How long the extension keeps personal data, as settings: the choices a person may pick and the
 * defaults. Settings only: the stores that apply them (utils/storage/expiry.ts) and the pages that
 * show them read from here, never the other way round.
 */

/** Days the removal audit log keeps an entry; null keeps everything (a deliberate choice, not the default). */
export const AUDIT_RETENTION_CHOICES = [null, 30, 90, 180, 365] as const;
/** A year: long enough for a yearly access review, short enough that old removals do not pile up. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

/**
 * Days the last read of an org (names, emails, activity) is kept for showing the page at once.
 * No "forever": a cached picture older than this is of no use, only a copy of personal data.
 */
export const SNAPSHOT_RETENTION_CHOICES = [7, 14, 30, 90] as const;
export const DEFAULT_SNAPSHOT_RETENTION_DAYS = 30;

export const isAuditRetentionChoice = (days: unknown): days is number | null => (AUDIT_RETENTION_CHOICES as readonly unknown[]).includes(days);
export const isSnapshotRetentionChoice = (days: unknown): days is number => (SNAPSHOT_RETENTION_CHOICES as readonly unknown[]).includes(days);
