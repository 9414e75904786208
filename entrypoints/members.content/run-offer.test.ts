// @vitest-environment node
/** What the toolbar openers say on arrival about the run the background kept (bulk invite, offboarding). */
import { describe, expect, it } from 'vitest';
import type { InviteJob } from '@/utils/invite/job';
import type { OffboardJob } from '@/utils/offboard/job';
import { inviteRunOffer } from './bulk-invite-offer';
import { offboardRunOffer } from './offboard-offer';

const inviteJob = (status: string, rows: [kind: string, batched: boolean][]) =>
  ({ id: 'j', status, rows: rows.map(([kind, batched]) => ({ state: { kind }, batchId: batched ? 'b' : null })) }) as unknown as InviteJob;
const offboardJob = (status: string, kinds: string[]) => ({ id: 'j', status, rows: kinds.map((kind) => ({ state: { kind } })) }) as unknown as OffboardJob;

describe('inviteRunOffer', () => {
  it('offers to resume an interrupted run, counting the batched rows not yet verified', () => {
    const job = inviteJob('running', [['verified', true], ['queued', true], ['sent', true], ['queued', false], ['failed', true]]);
    expect(inviteRunOffer({ job, runningElsewhere: false })).toEqual({ job, resume: 'Resume bulk invite (2 left)', elsewhere: null });
  });

  it('says a run of another tab goes on there, and offers nothing', () => {
    const job = inviteJob('running', [['sending', true]]);
    expect(inviteRunOffer({ job, runningElsewhere: true })).toEqual({ job, resume: null, elsewhere: 'A bulk invite is running in another tab (1 left).' });
  });

  it('says nothing of no run, a finished or cancelled one, or one with nothing left', () => {
    expect(inviteRunOffer(null)).toBeNull();
    expect(inviteRunOffer({ job: inviteJob('done', [['queued', true]]), runningElsewhere: false })).toBeNull();
    expect(inviteRunOffer({ job: inviteJob('cancelled', [['queued', true]]), runningElsewhere: false })).toBeNull();
    expect(inviteRunOffer({ job: inviteJob('paused', [['verified', true], ['failed', true]]), runningElsewhere: false })).toBeNull();
  });
});

describe('offboardRunOffer', () => {
  it('offers to resume an interrupted run, counting the people still queued or being removed', () => {
    const job = offboardJob('running', ['removed', 'queued', 'removing', 'failed']);
    expect(offboardRunOffer({ job, runningElsewhere: false })).toEqual({ job, resume: 'Resume offboarding (2 left)', elsewhere: null });
  });

  it('says a run of another tab goes on there, and offers nothing', () => {
    const job = offboardJob('running', ['queued']);
    expect(offboardRunOffer({ job, runningElsewhere: true })).toEqual({ job, resume: null, elsewhere: 'Offboarding is running in another tab (1 left); it goes on there.' });
  });

  it('says nothing of no run, a finished or cancelled one, or one with nobody left', () => {
    expect(offboardRunOffer(null)).toBeNull();
    expect(offboardRunOffer({ job: offboardJob('done', ['queued']), runningElsewhere: false })).toBeNull();
    expect(offboardRunOffer({ job: offboardJob('cancelled', ['queued']), runningElsewhere: false })).toBeNull();
    expect(offboardRunOffer({ job: offboardJob('paused', ['removed', 'failed']), runningElsewhere: false })).toBeNull();
  });
});
