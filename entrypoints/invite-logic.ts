/**
 * The bulk invite's panel once opened: the dialog, the CSV tools (papaparse, validation, planning,
 * CSV writers), the run and the wizard driver, with their own copy of Preact and the dialogs'
 * styles, built as their own file and loaded by the Members page's opener only when the admin
 * opens it, or on a visit when it is loaded already (members.content/invite-logic-file.ts).
 */
import { INVITE_LOGIC_GLOBAL, type InviteLogic } from './members.content/invite-logic-file';
import { startInvitePanel } from './members.content/bulk-invite-controller';

export default defineUnlistedScript(() => {
  const logic: InviteLogic = { startPanel: startInvitePanel };
  (globalThis as Record<string, unknown>)[INVITE_LOGIC_GLOBAL] = logic;
});
