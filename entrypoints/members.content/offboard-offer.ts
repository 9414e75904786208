/**
 * What the offboarding opener says about the latest run the background keeps for this org, on
 * arrival: an offer to resume it (a reload, a closed tab or a crash cut it short), a note that it
 * goes on in another tab, or nothing (finished, cancelled, nobody left). Shared by the opener
 * (before the offboarding file loads) and the file's run controller, so both say the same.
 */
import type { OffboardJob } from '@/utils/offboard/job';
import type { ResponseMap } from '@/utils/messages';
import { t } from '@/utils/i18n';

export type LatestOffboardJob = ResponseMap['offboard-job-latest'];

/** The people still to remove (queued, or their step not confirmed yet). */
export const openRows = (job: OffboardJob): number => job.rows.filter((row) => row.state.kind === 'queued' || row.state.kind === 'removing').length;

/** Said beside the opener (and in the dialog) when the org's run goes on in another tab. */
export const runningElsewhereNote = (job: OffboardJob): string => t('obRunningElsewhere', { count: openRows(job) });

export interface OffboardRunOffer {
  job: OffboardJob;
  /** The text of the button that opens the run to resume it; null when it runs in another tab. */
  resume: string | null;
  /** Said when the run goes on in another tab (not ours to resume). */
  elsewhere: string | null;
}

export function offboardRunOffer(latest: LatestOffboardJob): OffboardRunOffer | null {
  if (!latest) return null;
  const { job } = latest;
  if (job.status === 'done' || job.status === 'cancelled' || openRows(job) === 0) return null;
  return latest.runningElsewhere
    ? { job, resume: null, elsewhere: runningElsewhereNote(job) }
    : { job, resume: t('obResumeOffer', { count: openRows(job) }), elsewhere: null };
}
