/** The shape of the lazily loaded bulk-invite tools (entrypoints/invite-logic.ts). Types only. */
import type { BulkInviteDialogProps } from '@/components/BulkInviteDialog';
import type { jobCounts } from './job';
import type { newPageJob, pageRunner } from './page-run';
import type { resultsCsv, resultsFileName, validationCsv } from './results-csv';
import type { templateCsv } from './template';

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
