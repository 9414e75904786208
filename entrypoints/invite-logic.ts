/**
 * The bulk-invite dialog and tools (papaparse, validation, planning, CSV writers, the runner and
 * the wizard driver, with their own copy of Preact), built as their own
 * file and loaded by the content script only when the admin opens the bulk-invite panel: they
 * would otherwise add ~14 KB gzip to every visit of the page (content-script budget: 50 KB).
 */
import { h, render } from 'preact';
import { BulkInviteDialog, type BulkInviteDialogProps } from '@/components/BulkInviteDialog';
import { INVITE_LOGIC_GLOBAL, type InviteLogic } from './members.content/invite-logic-file';
import { jobCounts } from '@/utils/invite/job';
import { newPageJob, pageRunner } from '@/utils/invite/page-run';
import { resultsCsv, resultsFileName, validationCsv } from '@/utils/invite/results-csv';
import { templateCsv } from '@/utils/invite/template';

export default defineUnlistedScript(() => {
  const logic: InviteLogic = {
    validationCsv,
    resultsFileName,
    templateCsv,
    newPageJob,
    pageRunner,
    jobCounts,
    resultsCsv,
    mountDialog(host, props) {
      const draw = (next: BulkInviteDialogProps) => render(h(BulkInviteDialog, next), host);
      draw(props);
      return { update: draw, unmount: () => render(null, host) };
    },
  };
  (globalThis as Record<string, unknown>)[INVITE_LOGIC_GLOBAL] = logic;
});
