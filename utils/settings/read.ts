/**
 * The smallest way to read the settings, for the content script (its size is budgeted): the plain
 * `browser.storage.local` value, no zod, no WXT storage module, no defaults table. Readers treat a
 * missing switch as on and a missing threshold as the engine's default, so no merge is needed.
 * Only the options page writes the value, after validating it (schema.ts, storage.ts).
 */
import { defineLocalItem } from '@/utils/storage/local-item';
import { MAX_INVITE_BATCH, SETTINGS_KEY } from './constants';
import type { Settings } from './defaults';

/** The stored settings as read: any field may be missing (then its default applies). */
export type StoredSettings = Partial<Omit<Settings, 'features'>> & { features?: Partial<Settings['features']> };

const stored = defineLocalItem<StoredSettings | undefined>(SETTINGS_KEY, undefined);

export async function readSettings(): Promise<StoredSettings> {
  return (await stored.getValue()) ?? {};
}

/** Calls `listener` with the new settings whenever they are saved; returns the unwatch function. */
export function watchSettings(listener: (settings: StoredSettings) => void): () => void {
  return stored.watch((value) => listener(value ?? {}));
}

/** Rows per batch for the bulk-invite runner: the saved size, always 1..10 (10 by default). */
export async function getInviteBatchSize(): Promise<number> {
  const size = (await readSettings()).inviteBatchSize;
  return typeof size === 'number' && Number.isInteger(size) && size >= 1 && size <= MAX_INVITE_BATCH ? size : MAX_INVITE_BATCH;
}
