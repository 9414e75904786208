/** Constants the content script needs too; nothing here may run code at import (size budget). */

/** The `browser.storage.local` key of the settings (WXT's `local:settings`). */
export const SETTINGS_KEY = 'settings';

/** The access hygiene report calls someone inactive after this many days without activity (a setting). */
export const DEFAULT_INACTIVE_DAYS = 90;
export const MAX_INACTIVE_DAYS = 3650;

/** Invites the console's wizard takes in one go; the bulk-invite runner never sends more. */
export const MAX_INVITE_BATCH = 10;
