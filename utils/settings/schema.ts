/**
 * Strict validation of the settings (zod/mini, like the rest of the extension: smaller, and no
 * code-generating fast path), for the options page and imported files, and the settings file
 * format. Pages only: the content script reads through read.ts.
 */
import { z } from 'zod/mini';
import { AUDIT_RETENTION_CHOICES, isAuditRetentionChoice, isSnapshotRetentionChoice, SNAPSHOT_RETENTION_CHOICES } from './retention';
import { FEATURE_IDS, MAX_INACTIVE_DAYS, MAX_INVITE_BATCH, REGION_HOSTS, type Settings } from './defaults';
import { migrateSettings, SETTINGS_VERSION } from './storage';
import { t, type MessageKey } from '@/utils/i18n';

const wholeNumber = (min: number, max: number) =>
  z.number({ error: () => t('settingsErrNumber') }).check(
    z.refine(Number.isInteger, { error: () => t('settingsErrWhole') }),
    z.minimum(min, { error: () => t('settingsErrAtLeast', { min }) }),
    z.maximum(max, { error: () => t('settingsErrAtMost', { max }) }),
  );

const switches = (keys: readonly string[]) => z.strictObject(Object.fromEntries(keys.map((key) => [key, z.boolean({ error: () => t('settingsErrSwitch') })])));

export const settingsSchema = z.strictObject({
  tooManyAdminsThreshold: wholeNumber(1, 100),
  staleInviteDays: wholeNumber(1, 365),
  inactiveDays: wholeNumber(1, MAX_INACTIVE_DAYS),
  inviteBatchSize: wholeNumber(1, MAX_INVITE_BATCH),
  auditRetentionDays: z.union([z.null(), z.number()]).check(
    z.refine(isAuditRetentionChoice, {
      error: () => t('settingsErrRetention', { choices: AUDIT_RETENTION_CHOICES.map((days) => (days === null ? t('settingsRetentionForeverNull') : t('retentionDays', { days }))).join(', ') }),
    }),
  ),
  snapshotRetentionDays: z.number({ error: () => t('settingsErrNumber') }).check(
    z.refine(isSnapshotRetentionChoice, {
      error: () => t('settingsErrRetention', { choices: SNAPSHOT_RETENTION_CHOICES.map((days) => t('retentionDays', { days })).join(', ') }),
    }),
  ),
  regions: switches(REGION_HOSTS),
  features: switches(FEATURE_IDS),
});

/** What a person reads for each field, in messages about a file (message keys). */
export const FIELD_LABELS: Record<keyof Settings, MessageKey> = {
  tooManyAdminsThreshold: 'settingsFieldTooManyAdmins',
  staleInviteDays: 'optionsStaleInvite',
  inactiveDays: 'settingsFieldInactiveDays',
  inviteBatchSize: 'optionsBatchSize',
  auditRetentionDays: 'optionsKeepAudit',
  snapshotRetentionDays: 'optionsKeepSnapshots',
  regions: 'settingsFieldRegions',
  features: 'optionsFeatures',
};

export type FieldErrors = Partial<Record<keyof Settings, string>>;

export type Validation = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors; messages: string[] };

export function validateSettings(value: unknown): Validation {
  const result = z.safeParse(settingsSchema, value);
  if (result.success) return { ok: true, settings: result.data as Settings };
  const errors: FieldErrors = {};
  const messages: string[] = [];
  for (const issue of result.error.issues) {
    const [field, ...rest] = issue.path.map(String);
    const label = field && field in FIELD_LABELS ? t(FIELD_LABELS[field as keyof Settings]) : field;
    const where = [label, ...rest].filter(Boolean).join(' › ');
    const message =
      issue.code === 'unrecognized_keys' ? t(issue.keys.length === 1 ? 'settingsUnknownKey' : 'settingsUnknownKeys', { keys: issue.keys.join(', ') }) : issue.message;
    messages.push(where ? `${where}: ${message}` : message);
    if (field && field in FIELD_LABELS) errors[field as keyof Settings] ??= message;
  }
  return { ok: false, errors, messages };
}

export const SETTINGS_FILE_FORMAT = 'admin-lens-settings';

/** The exported file: the settings with what made them, so an import can migrate an older version. */
export function settingsFile(settings: Settings, now: Date): string {
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), settings }, null, 2)}\n`;
}

export function settingsFileName(now: Date): string {
  return `admin-lens-settings-${now.toISOString().slice(0, 10)}.json`;
}

const envelopeSchema = z.object({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.int().check(z.minimum(1)),
  settings: z.unknown(),
});

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: string };

/** Reads an exported settings file; an older version is migrated, a newer one refused. */
export function parseSettingsFile(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: t('settingsFileNotJson', { error: error instanceof Error ? error.message : String(error) }) };
  }
  const envelope = z.safeParse(envelopeSchema, json);
  if (!envelope.success) {
    return { ok: false, error: t('settingsFileNotOurs', { format: SETTINGS_FILE_FORMAT }) };
  }
  const { version, settings } = envelope.data;
  if (version > SETTINGS_VERSION) {
    return { ok: false, error: t('settingsFileNewer', { version, supported: SETTINGS_VERSION }) };
  }
  const validation = validateSettings(migrateSettings(settings, version));
  if (!validation.ok) return { ok: false, error: t('settingsFileInvalid', { messages: validation.messages.join(' ') }) };
  return validation;
}
