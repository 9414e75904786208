/**
 * How long the removal audit log keeps entries: a WXT storage item, `null` = keep everything
 * (the default). The background applies it whenever an entry is appended.
 */
import { storage } from 'wxt/utils/storage';

export { retentionCutoff } from './retention-cutoff';

export const RETENTION_CHOICES = [null, 30, 90, 180, 365] as const;

export const auditRetentionDays = storage.defineItem<number | null>('local:auditRetentionDays', { fallback: null });
