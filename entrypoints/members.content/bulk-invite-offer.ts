/**
 * What the bulk-invite opener says about the latest run the background keeps for this org, on
 * arrival: an offer to resume it (a reload, a closed tab or a crash cut it short), a note that it
 * goes on in another tab, or nothing (finished, cancelled, nothing left). Shared by the opener
 * (before the bulk-invite file loads) and the file's run controller, so both say the same.
 */
import type { InviteJob } from '@/utils/invite/job';
import type { ResponseMap } from '@/utils/messages';
import { t } from '@/utils/i18n';

export type LatestInviteJob = ResponseMap['invite-job-latest'];

const OPEN_STATES = ['queued', 'sending', 'sent'];

export interface InviteRunOffer {
  job: InviteJob;
  /** The text of the button that opens the run to resume it; null when it runs in another tab. */
  resume: string | null;
  /** Said beside the opener when the run goes on in another tab (not ours to resume). */
  elsewhere: string | null;
}

export function inviteRunOffer(latest: LatestInviteJob): InviteRunOffer | null {
  if (!latest) return null;
  const { job } = latest;
  if (job.status === 'done' || job.status === 'cancelled' || !job.rows.some((row) => OPEN_STATES.includes(row.state.kind))) return null;
  const left = job.rows.filter((row) => row.batchId !== null && OPEN_STATES.includes(row.state.kind)).length;
  return latest.runningElsewhere
    ? { job, resume: null, elsewhere: t('biRunningElsewhere', { count: left }) }
    : { job, resume: t('biResumeOffer', { count: left }), elsewhere: null };
}
