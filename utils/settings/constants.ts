/** Constants the content script needs too; nothing here may run code at import (size budget). */

/** The `browser.storage.local` key of the settings (WXT's `local:settings`). */
export const SETTINGS_KEY = 'settings';

/** Invites the console's wizard takes in one go; the bulk-invite runner never sends more. */
export const MAX_INVITE_BATCH = 10;
