/**
 * The change-of-email tools are their own file (entrypoints/email-change.ts), loaded into the
 * content script's own world once, on demand. The file is ours, packaged and web-accessible to the
 * Amplitude hosts only; importing it runs it, and it leaves its function on the isolated world's
 * global. This is its shape (types only) and its loader.
 */
import type { startEmailChanges } from './email-change-controller';
import { unlistedFileLoader } from './load-unlisted';

export const EMAIL_CHANGE_FILE = '/email-change.js';
export const EMAIL_CHANGE_GLOBAL = '__adminLensEmailChange';

export interface EmailChangeFile {
  start: typeof startEmailChanges;
}

/** Loads the file once, on first use (a failed load is tried again next time). */
export const loadEmailChange = unlistedFileLoader<EmailChangeFile>(EMAIL_CHANGE_FILE, EMAIL_CHANGE_GLOBAL, () => `${EMAIL_CHANGE_FILE} did not load`);
