/** The shape of the lazily loaded bulk-invite tools (entrypoints/invite-logic.ts). Types only. */
import type { BulkInviteDialogProps } from '@/components/BulkInviteDialog';
import type { jobCounts } from './job';
import type { latestJob, newPageJob, pageRunner } from './page-run';
import type { parseInviteCsv } from './parse';
import type { planBatches } from './plan';
import type { resultsCsv, resultsFileName, resultStatus, validationCsv } from './results-csv';
import type { templateCsv } from './template';
import type { validateInvites } from './validate';

export const INVITE_LOGIC_GLOBAL = '__adminLensInviteLogic';
export const INVITE_LOGIC_FILE = '/invite-logic.js';

export interface InviteLogic {
  parseInviteCsv: typeof parseInviteCsv;
  validateInvites: typeof validateInvites;
  planBatches: typeof planBatches;
  validationCsv: typeof validationCsv;
  resultsFileName: typeof resultsFileName;
  templateCsv: typeof templateCsv;
  newPageJob: typeof newPageJob;
  latestJob: typeof latestJob;
  pageRunner: typeof pageRunner;
  jobCounts: typeof jobCounts;
  resultsCsv: typeof resultsCsv;
  resultStatus: typeof resultStatus;
  /** Renders the dialog (with this file's own Preact) into `host`; update re-renders, unmount removes. */
  mountDialog(host: HTMLElement, props: BulkInviteDialogProps): { update(props: BulkInviteDialogProps): void; unmount(): void };
}
