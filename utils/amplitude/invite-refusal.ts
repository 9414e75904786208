/**
 * Whether a failed invite's reason is the console's own refusal ("Nothing was sent. …" in the
 * wizard [guess, invite-wizard.ts WIZARD.refused]) rather than a step of ours that did not take
 * effect: a refusal is the console's answer and ends a change of email at step 1; a driver failure
 * leaves nothing sent and may be tried again.
 */
import { WIZARD } from './invite-wizard';
import { nameStartsWith } from './names';

export function isConsoleRefusal(reason: string): boolean {
  return nameStartsWith(reason, WIZARD.refused);
}
