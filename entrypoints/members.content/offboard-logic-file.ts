/**
 * The offboarding dialog, tools and run are their own file (entrypoints/offboard-logic.ts), loaded
 * into the content script's own world once, on demand, like the bulk-invite file
 * (invite-logic-file.ts): when the admin opens the dialog (or the hygiene report asks for it), or
 * at once on a visit when it is here already (a run of this tab may be going on). Importing it runs
 * it, and it leaves its functions on the isolated world's global.
 *
 * The page's file keeps only the opener (offboard-panel.tsx); the file takes the panel over
 * (offboard-controller.tsx): the tab's run, the dialog, what the opener says.
 */
import { t } from '@/utils/i18n';
import { unlistedFileLoader } from './load-unlisted';
import type { LatestOffboardJob } from './offboard-offer';
import type { OpenerPanel, PanelShell } from './toolbar-opener';

export const OFFBOARD_LOGIC_GLOBAL = '__adminLensOffboardLogic';
export const OFFBOARD_LOGIC_FILE = '/offboard-logic.js';

/** The panel, as the file runs it. */
export interface OffboardPanel extends OpenerPanel {
  /** Opens the dialog with these people listed (one row each), unless a run is going on. */
  openWith(emails: readonly string[]): void;
}

export interface OffboardLogic {
  /** Takes the panel over for this visit: finds the tab's run again (one per org), or the one the background kept. */
  startPanel(shell: PanelShell<LatestOffboardJob>): OffboardPanel;
}

/** Whether the file is loaded in this world already (then a run of this tab may be going on). */
export const offboardLogicLoaded = (): boolean => OFFBOARD_LOGIC_GLOBAL in globalThis;

/** Loads the file once, on first use (a failed load is tried again next time). */
export const loadOffboardLogic = unlistedFileLoader<OffboardLogic>(OFFBOARD_LOGIC_FILE, OFFBOARD_LOGIC_GLOBAL, () => t('obLoadFailed', { file: OFFBOARD_LOGIC_FILE }));
