/**
 * The bulk-invite dialog and tools are their own file (entrypoints/invite-logic.ts), loaded into
 * the content script's own world once, on demand, when the admin opens the panel. The file is a
 * web-accessible resource of the extension (nothing remote): importing it runs it, and it leaves
 * its functions on the isolated world's global. This is its shape (types only) and its loader.
 */
import type { BulkInviteDialogProps } from '@/components/BulkInviteDialog';
import type { jobCounts } from '@/utils/invite/job';
import type { newPageJob, pageRunner } from '@/utils/invite/page-run';
import type { resultsCsv, resultsFileName, validationCsv } from '@/utils/invite/results-csv';
import type { templateCsv } from '@/utils/invite/template';
import { t } from '@/utils/i18n';
import { unlistedFileLoader } from './load-unlisted';

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

/** Loads the file once, on first use (a failed load is tried again next time). */
export const loadInviteLogic = unlistedFileLoader<InviteLogic>(INVITE_LOGIC_FILE, INVITE_LOGIC_GLOBAL, () => t('biLoadFailed', { file: INVITE_LOGIC_FILE }));
