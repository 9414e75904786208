/**
 * The audit log page's handle on its retention, which is a setting (utils/settings: choices and
 * default in retention.ts). The audit feature reads and writes the settings; the settings know
 * nothing of the audit log. The background applies the retention (utils/storage/expiry.ts).
 */
import { settingsStore } from '@/utils/settings/storage';

export const auditRetentionDays = {
  getValue: async (): Promise<number | null> => (await settingsStore().load()).auditRetentionDays,
  setValue: async (days: number | null): Promise<void> => {
    await settingsStore().update({ auditRetentionDays: days });
  },
};
