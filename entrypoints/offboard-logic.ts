/**
 * The offboarding dialog and tools (CSV, validation, the job, the runner and the removal driver,
 * with their own copy of Preact), built as their own file and loaded by the content script only
 * when the admin opens the offboarding dialog (members.content/offboard-logic-file.ts).
 */
import { h, render } from 'preact';
import { OffboardDialog, type OffboardDialogProps } from '@/components/OffboardDialog';
import { OFFBOARD_LOGIC_GLOBAL, type OffboardLogic } from './members.content/offboard-logic-file';
import { createOffboardJob, offboardJobCounts } from '@/utils/offboard/job';
import { offboardReads, pageOffboardRunner } from '@/utils/offboard/page-run';
import { offboardTemplateCsv } from '@/utils/offboard/parse';
import { offboardResultsCsv, offboardResultsFileName } from '@/utils/offboard/results-csv';

export default defineUnlistedScript(() => {
  const logic: OffboardLogic = {
    createOffboardJob,
    offboardJobCounts,
    pageOffboardRunner,
    offboardReads,
    offboardTemplateCsv,
    offboardResultsCsv,
    offboardResultsFileName,
    mountDialog(host, props) {
      const draw = (next: OffboardDialogProps) => render(h(OffboardDialog, next), host);
      draw(props);
      return { update: draw, unmount: () => render(null, host) };
    },
  };
  (globalThis as Record<string, unknown>)[OFFBOARD_LOGIC_GLOBAL] = logic;
});
