/**
 * Strict validation of the settings (zod/mini, like the rest of the extension: smaller, and no
 * `new Function` fast path), for the options page and imported files, and the settings file
 * format. Pages only: the content script reads through read.ts.
 */
import { z } from 'zod/mini';
import { RETENTION_CHOICES } from '@/utils/audit/retention';
import { FEATURE_IDS, MAX_INVITE_BATCH, REGION_HOSTS, type Settings } from './defaults';
import { migrateSettings, SETTINGS_VERSION } from './storage';

const wholeNumber = (min: number, max: number) =>
  z.number({ error: 'Enter a number.' }).check(
    z.refine(Number.isInteger, { error: 'Enter a whole number.' }),
    z.minimum(min, { error: `Enter at least ${min}.` }),
    z.maximum(max, { error: `Enter at most ${max}.` }),
  );

const switches = (keys: readonly string[]) => z.strictObject(Object.fromEntries(keys.map((key) => [key, z.boolean({ error: 'Must be on or off (true or false).' })])));

export const settingsSchema = z.strictObject({
  tooManyAdminsThreshold: wholeNumber(1, 100),
  staleInviteDays: wholeNumber(1, 365),
  inviteBatchSize: wholeNumber(1, MAX_INVITE_BATCH),
  auditRetentionDays: z.union([z.null(), z.number()]).check(
    z.refine((days) => (RETENTION_CHOICES as readonly (number | null)[]).includes(days), {
      error: `Choose one of ${RETENTION_CHOICES.map((days) => (days === null ? 'forever (null)' : `${days} days`)).join(', ')}.`,
    }),
  ),
  regions: switches(REGION_HOSTS),
  features: switches(FEATURE_IDS),
});

/** What a person reads for each field, in messages about a file. */
export const FIELD_LABELS: Record<keyof Settings, string> = {
  tooManyAdminsThreshold: 'Too many Admins',
  staleInviteDays: 'Stale invite after (days)',
  inviteBatchSize: 'Invite batch size',
  auditRetentionDays: 'Keep audit log entries',
  regions: 'Active Amplitude regions',
  features: 'Features',
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
    const label = field && field in FIELD_LABELS ? FIELD_LABELS[field as keyof Settings] : field;
    const where = [label, ...rest].filter(Boolean).join(' › ');
    const message = issue.code === 'unrecognized_keys' ? `Unknown ${issue.keys.length === 1 ? 'setting' : 'settings'}: ${issue.keys.join(', ')}.` : issue.message;
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
    return { ok: false, error: `This file is not JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  const envelope = z.safeParse(envelopeSchema, json);
  if (!envelope.success) {
    return { ok: false, error: `This is not an Admin Lens settings file: it needs "format": "${SETTINGS_FILE_FORMAT}", a "version" and "settings".` };
  }
  const { version, settings } = envelope.data;
  if (version > SETTINGS_VERSION) {
    return { ok: false, error: `This file was made by a newer Admin Lens (settings version ${version}; this one reads up to ${SETTINGS_VERSION}). Update the extension first.` };
  }
  const validation = validateSettings(migrateSettings(settings, version));
  if (!validation.ok) return { ok: false, error: `The file's settings are not valid: ${validation.messages.join(' ')}` };
  return validation;
}
