/**
 * The bulk invite's dialog, tools and run are their own file (entrypoints/invite-logic.ts), loaded
 * into the content script's own world once, on demand: when the admin opens the panel, or at once
 * on a visit when the file is here already (a run of this tab may be going on). The file is a
 * web-accessible resource of the extension (nothing remote): importing it runs it, and it leaves
 * its functions on the isolated world's global. This is its shape (types only) and its loader.
 *
 * The page's file keeps only the opener (bulk-invite-panel.tsx); the file takes the panel over
 * (bulk-invite-controller.tsx): the tab's run, the dialog, what the opener says.
 */
import { t } from '@/utils/i18n';
import type { LatestInviteJob } from './bulk-invite-offer';
import type { OpenerPanel, PanelShell } from './toolbar-opener';
import { unlistedFileLoader } from './load-unlisted';

export const INVITE_LOGIC_GLOBAL = '__adminLensInviteLogic';
export const INVITE_LOGIC_FILE = '/invite-logic.js';

/** What the opener hands the file on this visit. */
export interface InvitePanelShell extends PanelShell<LatestInviteJob> {
  /** When the opener appeared (the console's invite button may render a moment later). */
  shownSince: number;
}

export interface InviteLogic {
  /** Takes the panel over for this visit: finds the tab's run again (one per org), or the one the background kept. */
  startPanel(shell: InvitePanelShell): OpenerPanel;
}

/** Whether the file is loaded in this world already (then a run of this tab may be going on). */
export const inviteLogicLoaded = (): boolean => INVITE_LOGIC_GLOBAL in globalThis;

/** Loads the file once, on first use (a failed load is tried again next time). */
export const loadInviteLogic = unlistedFileLoader<InviteLogic>(INVITE_LOGIC_FILE, INVITE_LOGIC_GLOBAL, () => t('biLoadFailed', { file: INVITE_LOGIC_FILE }));
