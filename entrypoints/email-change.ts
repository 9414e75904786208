/**
 * Change of email (issue 18), built as its own file and loaded by the Members page only when this
 * org has a change under way or the admin asks for one ("Change email…" on a person's card): the
 * plan, the checks, the steps through the console's wizard and Remove dialog, the panel, with their
 * own copy of Preact. Never part of the content script or of members-page.js's eager path.
 */
import { startEmailChanges } from './members.content/email-change-controller';
import { EMAIL_CHANGE_GLOBAL, type EmailChangeFile } from './members.content/email-change-file';

export default defineUnlistedScript(() => {
  const file: EmailChangeFile = { start: startEmailChanges };
  (globalThis as Record<string, unknown>)[EMAIL_CHANGE_GLOBAL] = file;
});
