/**
 * The bulk-invite dialog and tools are their own file (entrypoints/invite-logic.ts), loaded into
 * the content script's own world once, on demand, when the admin opens the panel. The file is a
 * web-accessible resource of the extension (nothing remote): importing it runs it, and it leaves
 * its functions on the isolated world's global. This is its shape (types only) and its loader.
 */
import { browser } from 'wxt/browser';
import type { BulkInviteDialogProps } from '@/components/BulkInviteDialog';
import type { jobCounts } from '@/utils/invite/job';
import type { newPageJob, pageRunner } from '@/utils/invite/page-run';
import type { resultsCsv, resultsFileName, validationCsv } from '@/utils/invite/results-csv';
import type { templateCsv } from '@/utils/invite/template';
import { t } from '@/utils/i18n';

export const INVITE_LOGIC_GLOBAL = '__adminLensInviteLogic';
export const INVITE_LOGIC_FILE = '/invite-logic.js';

/** What the content script uses of the file; the dialog parses, validates and plans on its own. */
export interface InviteLogic {
  validationCsv: typeof validationCsv;
  resultsFileName: typeof resultsFileName;
  templateCsv: typeof templateCsv;
  newPageJob: typeof newPageJob;
  pageRunner: typeof pageRunner;
  jobCounts: typeof jobCounts;
  resultsCsv: typeof resultsCsv;
  /** Renders the dialog (with this file's own Preact) into `host`; update re-renders, unmount removes. */
  mountDialog(host: HTMLElement, props: BulkInviteDialogProps): { update(props: BulkInviteDialogProps): void; unmount(): void };
}

let loading: Promise<InviteLogic> | null = null;

export function loadInviteLogic(): Promise<InviteLogic> {
  loading ??= (async () => {
    const url = browser.runtime.getURL(INVITE_LOGIC_FILE as '/invite-logic.js');
    await import(/* @vite-ignore */ url);
    const logic = (globalThis as Record<string, unknown>)[INVITE_LOGIC_GLOBAL] as InviteLogic | undefined;
    if (!logic) throw new Error(t('biLoadFailed', { file: INVITE_LOGIC_FILE }));
    return logic;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
