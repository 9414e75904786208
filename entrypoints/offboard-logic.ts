/**
 * The offboarding panel once opened: the dialog, CSV and validation, the job, the runner and the
 * removal driver, with their own copy of Preact and the dialogs' styles, built as their own file
 * and loaded by the Members page's opener only when the admin opens the dialog, or on a visit when
 * it is loaded already (members.content/offboard-logic-file.ts).
 */
import { OFFBOARD_LOGIC_GLOBAL, type OffboardLogic } from './members.content/offboard-logic-file';
import { startOffboardPanel } from './members.content/offboard-controller';

export default defineUnlistedScript(() => {
  const logic: OffboardLogic = { startPanel: startOffboardPanel };
  (globalThis as Record<string, unknown>)[OFFBOARD_LOGIC_GLOBAL] = logic;
});
