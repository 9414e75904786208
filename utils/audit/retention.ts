/**
 * How long the removal audit log keeps entries, `null` = keep everything (the default). Part of the
 * extension's settings (utils/settings: it used to be the item `local:auditRetentionDays`, which
 * the settings' migration folds in). The background applies it whenever an entry is appended.
 */
import { settingsStore } from '@/utils/settings/storage';

export { retentionCutoff } from './retention-cutoff';

export const RETENTION_CHOICES = [null, 30, 90, 180, 365] as const;

export const auditRetentionDays = {
  getValue: async (): Promise<number | null> => (await settingsStore().load()).auditRetentionDays,
  setValue: async (days: number | null): Promise<void> => {
    await settingsStore().update({ auditRetentionDays: days });
  },
};
