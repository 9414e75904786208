/**
 * The settings as a versioned WXT storage item (`local:settings`), for the extension's pages and
 * the background. The content script reads them through read.ts instead (smaller).
 *
 * Versions:
 * 1. Before this item existed, each setting was an item of its own; the only one that shipped is
 *    the audit log's retention, `local:auditRetentionDays` (number of days, or null = forever).
 *    Gathered into one object, `{ auditRetentionDays }` is a version-1 value.
 * 2. One object with every setting (defaults.ts). Migration 2 turns a version-1 value into it;
 *    when `local:settings` does not exist yet, `init` gathers the version-1 items, migrates them,
 *    writes the result and only then removes the old item, so a saved retention survives.
 * 3. Personal data expires by default: the cached org snapshots get a retention of their own
 *    (`snapshotRetentionDays`), and the audit log's retention is finite unless chosen otherwise.
 *    Up to version 2, "keep forever" (null) was the default that every install stored, so a stored
 *    null cannot tell a choice from the default: migration 3 gives it the new default (a year), and
 *    "Forever" stays one choice away in the settings.
 * 4. The access hygiene report's threshold: `inactiveDays` (default 90). Old invites reuse
 *    `staleInviteDays`. Migration 4 adds the default and changes nothing else.
 * To change the shape: bump SETTINGS_VERSION, add the step to SETTINGS_MIGRATIONS and to the test.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SETTINGS_KEY, withDefaults, type Settings } from './defaults';
import { DEFAULT_AUDIT_RETENTION_DAYS } from './retention';

export const SETTINGS_VERSION = 4;
export const SETTINGS_ITEM_KEY = `local:${SETTINGS_KEY}` as const;
/** Version 1's only item. */
export const LEGACY_RETENTION_KEY = 'local:auditRetentionDays' as const;

export interface SettingsV1 {
  auditRetentionDays?: number | null;
}

/** Version 2: every setting of its day; snapshots had no retention and null was the audit default. */
export type SettingsV2 = Omit<Settings, 'snapshotRetentionDays'>;

/** Version 3: before the hygiene report's threshold. */
export type SettingsV3 = Omit<Settings, 'inactiveDays'>;

/** Step n turns a value of version n-1 into version n. */
export const SETTINGS_MIGRATIONS: Record<number, (old: any) => unknown> = {
  2: (old: SettingsV1 | null): SettingsV2 => ({ ...withDefaults(null), auditRetentionDays: old?.auditRetentionDays ?? null }),
  // Adds, repairs nothing: an imported file's wrong values are still for validation to name.
  3: (old: Partial<SettingsV2> | null): Partial<SettingsV3> => ({
    ...old,
    auditRetentionDays: old?.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS,
    snapshotRetentionDays: DEFAULT_SETTINGS.snapshotRetentionDays,
  }),
  4: (old: Partial<SettingsV3> | null): Partial<Settings> => ({ ...old, inactiveDays: DEFAULT_SETTINGS.inactiveDays }),
};

/** Runs the steps after `fromVersion` up to the current version (an imported file of an older version). */
export function migrateSettings(value: unknown, fromVersion: number): unknown {
  let migrated = value;
  for (let version = fromVersion + 1; version <= SETTINGS_VERSION; version++) {
    const step = SETTINGS_MIGRATIONS[version];
    if (step) migrated = step(migrated);
  }
  return migrated;
}

async function fromVersion1Items(): Promise<Settings> {
  const retention = await storage.getItem<number>(LEGACY_RETENTION_KEY);
  const settings = migrateSettings({ auditRetentionDays: retention }, 1) as Settings;
  if (retention !== null) {
    await storage.setItem(SETTINGS_ITEM_KEY, settings);
    await storage.setMeta(SETTINGS_ITEM_KEY, { v: SETTINGS_VERSION });
    await storage.removeItem(LEGACY_RETENTION_KEY);
  }
  return settings;
}

export function defineSettingsItem() {
  return storage.defineItem<Settings>(SETTINGS_ITEM_KEY, {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
    init: fromVersion1Items,
  });
}

export type SettingsItem = ReturnType<typeof defineSettingsItem>;

export interface SettingsStore {
  /** The stored settings over the defaults (a missing field reads as its default). */
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  update(patch: Partial<Settings>): Promise<Settings>;
  reset(): Promise<Settings>;
}

export function createSettingsStore(item: SettingsItem = defineSettingsItem()): SettingsStore {
  const load = async () => withDefaults(await item.getValue());
  const save = (settings: Settings) => item.setValue(withDefaults(settings));
  return {
    load,
    save,
    async update(patch) {
      const next = { ...(await load()), ...patch };
      await save(next);
      return next;
    },
    async reset() {
      await save(DEFAULT_SETTINGS);
      return DEFAULT_SETTINGS;
    },
  };
}

let shared: SettingsStore | undefined;
/** The settings store of this context, created (and migrated) on first use. */
export function settingsStore(): SettingsStore {
  return (shared ??= createSettingsStore());
}
