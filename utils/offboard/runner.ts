/**
 * The offboarding run: one step (one person, or one group with the same recipient) at a time
 * through the console's own "Remove Members?" dialog, each checked in the data afterwards. Pure
 * logic over ports (the page supplies the console, the background's storage and the clock), so it
 * is tested without a browser.
 *
 * Safety, in order of the issue's words:
 * - the job is saved before anything is removed, and every row's state before and after each step;
 *   a save that fails holds the confirm (nothing is removed that the job does not know of);
 * - before each step, who is still there is read again: a person already gone is never removed
 *   twice, and is reported, not skipped silently; a step left "removing" by a reload or a crash is
 *   decided from the data (gone: checked like any removal; still there: done again);
 * - before each transfer, the recipient must be active in the last 30 days (read fresh), so a
 *   recipient who became inactive fails only the rows that go to them;
 * - after each step, the data must show the people gone and the recipient's content risen by
 *   exactly what was moved; otherwise the rows fail with the reason;
 * - one runner per job, as in the bulk invite (utils/jobs/job-lease.ts): every save claims the job
 *   and a heartbeat renews the claim while a step waits on the console; a runner that finds the job
 *   held by another tab's stops at once, removes nobody more and saves nothing more.
 *
 * Throughput (issue 17's bench): the check after a step and the reads before the next are one round
 * of reads, made together once the console acted: who is still there (one read serves both), what
 * the recipient owns (the check's "after" is the next step's "before" when the recipient is the
 * same), whether the next recipient is active, what the next people own. Meanwhile the next step's
 * dialog is prepared (rows selected, recipient chosen); its confirm waits for the check of the step
 * before (whose rows are saved first) and for its own reads, and is never pressed when they found
 * anything (someone gone, the recipient inactive): the rows are then decided from the reads. Saves
 * go out in order without holding the run, except the one before each confirm, which waits for
 * every save before it: a save that failed holds that confirm (and stops the run), so nothing is
 * removed that the stored job does not know of.
 */
import type { ContentCounts } from '../access/model';
import type { RemovalResult } from '../amplitude/remove-driver';
import type { UsersView } from '../amplitude/users-table';
import { t } from '../i18n';
import { retryFailedRows, type OffboardJob, type OffboardJobRow, type OffboardRowState, type OffboardStep } from './job';
import { addContent, RECIPIENT_ACTIVE_DAYS, totalContent } from './validate';
import { LEASE_HEARTBEAT_MS, leaseHeartbeat, LeaseLost } from '../jobs/job-lease';

export interface StepOrder {
  emails: string[];
  view: UsersView;
  recipient: string | null;
  acknowledged: boolean;
}

export interface OffboardPorts {
  /**
   * Stores the job; throws when it cannot (the run then stops before removing anything more), with
   * LeaseLost when another tab's runner holds the job.
   */
  save(job: OffboardJob): Promise<void>;
  /** Renews this runner's lease on the job while it runs; rejects with LeaseLost when another holds it. */
  renewLease?(jobId: string): Promise<void>;
  /** How often `renewLease` is called while the run goes on (ms; default LEASE_HEARTBEAT_MS). */
  leaseRenewMs?: number;
  /** The run stopped (done, paused, cancelled, or held elsewhere): another page may run the job now. */
  release?(jobId: string): Promise<void>;
  /** Who is in the org now (lower-case email to status), read fresh. */
  presence(): Promise<ReadonlyMap<string, 'joined' | 'pending'>>;
  /** What a person owns now, read fresh. */
  content(email: string): Promise<ContentCounts>;
  /** Whether a joined person was active in the last 30 days, read fresh. */
  recentlyActive(email: string): Promise<boolean>;
  /** Drives the console's dialog; `beforeConfirm` saves the job (false holds the confirm). */
  remove(order: StepOrder, beforeConfirm: () => Promise<boolean>, signal: AbortSignal): Promise<RemovalResult>;
  now(): string;
  onChange(job: OffboardJob): void;
}

export interface OffboardRunner {
  readonly running: boolean;
  readonly job: OffboardJob;
  /** The last run stopped because another tab's runner holds the job: it goes on there, not here. */
  readonly heldElsewhere: boolean;
  run(): Promise<OffboardJob>;
  pause(): void;
  cancel(): void;
  retryFailed(): Promise<OffboardJob>;
}

const ZERO: ContentCounts = { charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 };
const sameContent = (a: ContentCounts, b: ContentCounts) => a.charts === b.charts && a.dashboards === b.dashboards && a.cohorts === b.cohorts && a.notebooks === b.notebooks;
const describe = (c: ContentCounts) => t('obContentShort', { charts: c.charts, dashboards: c.dashboards, cohorts: c.cohorts, notebooks: c.notebooks });
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** A read made ahead: its failure is met where it is awaited (or not at all), never unhandled. */
const ahead = <T>(read: Promise<T>): Promise<T> => {
  read.catch(() => undefined);
  return read;
};

/** What a step needs read before its confirm, started ahead (with the previous step's check) or when it starts. */
interface StepReads {
  stepId: number;
  presence: Promise<ReadonlyMap<string, 'joined' | 'pending'>>;
  /** The recipient is active in the last 30 days (null: the step has no recipient). */
  active: Promise<boolean> | null;
  /** What each person owns, and the recipient (by email); only for a step with a recipient. */
  content: Map<string, Promise<ContentCounts>>;
}

/** What the reads before a step found, decided from them alone. */
interface StepCheck {
  /** Rows the reads decided: gone already (skipped), or no longer in the step's view (failed). */
  decided: ReadonlyMap<string, OffboardRowState>;
  /** Who is still to remove. */
  emails: string[];
  /** Why none of `emails` can be removed now (the recipient, or what they own could not be read); null: nothing. */
  refusal: string | null;
  before: OffboardStep['before'];
}

/** A step's check after the console acted, under way while the next step's dialog is prepared. */
interface Settling {
  /** Its rows decided and their save queued; rejects when a read failed (the run stops). */
  done: Promise<void>;
  /** The step the run takes next (none: the run waits for this check, then looks again). */
  next: OffboardStep | undefined;
  nextReads: StepReads | null;
}

export function createOffboardRunner(initial: OffboardJob, ports: OffboardPorts): OffboardRunner {
  let job = initial;
  let running = false;
  let stopping: 'pause' | 'cancel' | null = null;
  let controller = new AbortController();
  /** Set when a save or the heartbeat learns that another runner holds the job. */
  let lost: LeaseLost | null = null;
  const loseLease = (error: LeaseLost) => {
    lost ??= error;
    // Whatever step is under way stops before its confirm.
    controller.abort();
  };

  /** Every save, in order; after one fails none is attempted, and each later one rejects with its error. */
  let saving: Promise<void> = Promise.resolve();
  let saveFailure: { error: unknown } | null = null;
  /**
   * The job as it is now: shown at once, saved after every save before it. Resolves once stored;
   * callers that need it stored before acting await it, the others let it go (the next awaited save
   * still fails if this one did).
   */
  const change = (next: OffboardJob): Promise<void> => {
    job = { ...next, updatedAt: ports.now() };
    ports.onChange(job);
    const stored = job;
    saving = saving.then(async () => {
      if (saveFailure) throw saveFailure.error;
      try {
        await ports.save(stored);
      } catch (error) {
        saveFailure = { error };
        if (error instanceof LeaseLost) loseLease(error);
        throw error;
      }
    });
    return saving;
  };
  /** A save nobody waits for here: the confirm of the next step waits for it (and holds if it failed). */
  const changeLater = (next: OffboardJob) => void change(next).catch(() => undefined);
  const setRows = (emails: readonly string[], state: OffboardRowState | ((row: OffboardJobRow) => OffboardRowState)) =>
    job.rows.map((row) => (emails.includes(row.email) && (row.state.kind === 'queued' || row.state.kind === 'removing') ? { ...row, state: typeof state === 'function' ? state(row) : state } : row));
  const setStep = (id: number, patch: Partial<OffboardStep>) => job.steps.map((step) => (step.id === id ? { ...step, ...patch } : step));
  const openRows = (step: OffboardStep) => step.emails.filter((email) => job.rows.some((row) => row.email === email && (row.state.kind === 'queued' || row.state.kind === 'removing')));

  /** Starts the reads `step` needs before its confirm; `shared`: reads made since the console last acted, to use again. */
  function startReads(step: OffboardStep, shared: { presence?: StepReads['presence']; content?: ReadonlyMap<string, Promise<ContentCounts>> } = {}): StepReads {
    const presence = shared.presence ?? ahead(ports.presence());
    const content = new Map<string, Promise<ContentCounts>>();
    if (!step.recipient) return { stepId: step.id, presence, active: null, content };
    for (const email of [step.recipient, ...openRows(step)]) content.set(email, shared.content?.get(email) ?? ahead(ports.content(email)));
    return { stepId: step.id, presence, active: ahead(ports.recentlyActive(step.recipient)), content };
  }

  /** The step the run takes after `step`, if it goes on. */
  const stepAfter = (step: OffboardStep) =>
    stopping || lost ? undefined : job.steps.find((candidate) => candidate.id !== step.id && candidate.state === 'queued' && openRows(candidate).length > 0);

  /**
   * After the console acted (or may have): who is gone, and did the content arrive? Its reads are
   * made after the console acted, so they serve the next step too: that step's reads start with
   * them. The check goes on while the next step's dialog is prepared; its end (`done`, which
   * rejects when a read failed) comes before that step's confirm.
   */
  function settle(step: OffboardStep, emails: string[], why: string | null): Settling {
    const presence = ahead(ports.presence());
    const recipientNow = step.recipient ? ahead(ports.content(step.recipient)) : null;
    const next = stepAfter(step);
    const nextReads = next ? startReads(next, { presence, content: step.recipient && recipientNow ? new Map([[step.recipient, recipientNow]]) : undefined }) : null;
    const done = (async () => {
      const present = await presence;
      const gone = emails.filter((email) => !present.has(email));
      let goneState: OffboardRowState = { kind: 'removed', detail: step.recipient ? t('obRemovedMoved', { recipient: step.recipient }) : t('obRemovedDone') };
      if (step.recipient && recipientNow && gone.length > 0) {
        const before = step.before?.recipientContent ?? null;
        const moved = step.before?.moved ?? null;
        const after = await recipientNow.catch(() => null);
        if (!before || !moved || !after) goneState = { kind: 'failed', reason: t('obMoveUnchecked', { recipient: step.recipient }) };
        else if (!sameContent(after, addContent(before, moved))) {
          goneState = { kind: 'failed', reason: t('obMoveMismatch', { recipient: step.recipient, expected: describe(moved), before: describe(before), after: describe(after) }) };
        } else goneState = { kind: 'removed', detail: t('obRemovedMovedCount', { recipient: step.recipient, count: totalContent(moved) }) };
      }
      const rows = job.rows.map((row) => {
        if (!emails.includes(row.email)) return row;
        if (gone.includes(row.email)) return { ...row, state: goneState };
        return { ...row, state: { kind: 'failed', reason: why ?? t('obStillThere') } as const };
      });
      const allGood = gone.length === emails.length && goneState.kind === 'removed';
      changeLater({ ...job, rows, steps: setStep(step.id, { state: allGood ? 'done' : 'failed' }) });
    })();
    done.catch(() => undefined); // met by whoever waits for it
    checking = done;
    return { done, next, nextReads };
  }

  /** What the reads before a step say, decided from them alone (nothing is saved here). */
  async function checkStep(step: OffboardStep, emails: readonly string[], reads: StepReads): Promise<StepCheck> {
    // Who is still there: never twice, never silently skipped.
    const present = await reads.presence;
    const decided = new Map<string, OffboardRowState>();
    for (const email of emails) {
      if (!present.has(email)) decided.set(email, { kind: 'skipped', reason: t('obGoneBefore') });
      else if (present.get(email) !== (step.view === 'pending' ? 'pending' : 'joined')) decided.set(email, { kind: 'failed', reason: t('obStatusChanged') });
    }
    const left = emails.filter((email) => !decided.has(email));
    const found = { decided, emails: left, refusal: null, before: null };
    if (!step.recipient || left.length === 0) return found;
    const recipient = step.recipient;
    const active = await (reads.active ?? Promise.resolve(null)).catch(() => null);
    if (active !== true) {
      return { ...found, refusal: active === false ? t('obInvalidRecipientInactive', { recipient, days: String(RECIPIENT_ACTIVE_DAYS) }) : t('obRecipientUnread', { recipient }) };
    }
    const contentOf = (email: string) => reads.content.get(email) ?? ports.content(email);
    try {
      const [recipientContent, ...owned] = await Promise.all([contentOf(recipient), ...left.map(contentOf)]);
      return { ...found, before: { recipientContent: recipientContent!, moved: owned.reduce((sum, counts) => addContent(sum, counts), ZERO) } };
    } catch (error) {
      return { ...found, refusal: t('obContentUnread', { error: reasonOf(error) }) };
    }
  }

  /** The check found something (someone gone, the recipient unable to take the content): its rows are decided and saved. */
  async function applyCheck(step: OffboardStep, found: StepCheck) {
    const rows = setRows([...found.decided.keys()], (row) => found.decided.get(row.email)!);
    if (found.emails.length === 0) await change({ ...job, rows, steps: setStep(step.id, { state: 'done' }) });
    else if (found.refusal) {
      job = { ...job, rows };
      await change({ ...job, rows: setRows(found.emails, { kind: 'failed', reason: found.refusal }), steps: setStep(step.id, { state: 'failed' }) });
    }
    // Else the step stays queued and runs again with those left, in a dialog of their own.
    else await change({ ...job, rows });
  }

  const checkChanged = (found: StepCheck, emails: readonly string[]) => found.decided.size > 0 || found.refusal !== null || found.emails.length !== emails.length;

  /**
   * One step. `previous`: the check of the step before, still under way: this step's dialog is
   * prepared meanwhile, and its confirm waits for that check (whose rows are saved first); a check
   * that failed stops the run here. Returns this step's own check when the console acted.
   */
  async function runStep(step: OffboardStep, readAhead: StepReads | null, previous: Promise<void> | null): Promise<Settling | null> {
    let emails = openRows(step);
    if (emails.length === 0) {
      await previous;
      await change({ ...job, steps: setStep(step.id, { state: 'done' }) });
      return null;
    }
    let reads = readAhead?.stepId === step.id && step.state === 'queued' ? readAhead : startReads(step);
    if (step.state === 'removing') {
      await previous;
      // A reload or crash came between the confirm and its check: the data decides.
      const present = await reads.presence;
      const gone = emails.filter((email) => !present.has(email));
      if (gone.length > 0) {
        await settle(step, gone, null).done;
        emails = openRows(step);
        if (emails.length === 0) return null;
        // The recipient's content changed with the removal just checked: read again for what is left.
        reads = startReads({ ...step, state: 'queued' }, { presence: reads.presence });
      }
      await change({ ...job, rows: setRows(emails, { kind: 'queued' }), steps: setStep(step.id, { state: 'queued', before: null }) });
    }

    // The check and the dialog go on together; the confirm waits for both.
    const check = ahead(checkStep(step, emails, reads));
    let heldForCheck = false;
    let before: OffboardStep['before'] = null;
    const at = ports.now();
    let saved = false;
    const beforeConfirm = async () => {
      if (stopping || lost) return false;
      try {
        await previous;
        const found = await check;
        if (checkChanged(found, emails)) {
          heldForCheck = true;
          return false;
        }
        before = found.before;
        if (stopping || lost) return false;
        // Waits for every save before it too: one that failed holds this confirm.
        await change({ ...job, rows: setRows(emails, { kind: 'removing', at }), steps: setStep(step.id, { state: 'removing', before }) });
        saved = true;
        return true;
      } catch {
        return false;
      }
    };
    let result: RemovalResult;
    try {
      result = await ports.remove({ emails, view: step.view, recipient: step.recipient, acknowledged: step.acknowledged }, beforeConfirm, controller.signal);
    } finally {
      // The step before is checked (and its rows' save queued) before anything more of this one.
      await previous?.catch(() => undefined);
    }
    await previous;
    const current = job.steps.find((candidate) => candidate.id === step.id)!;
    if (result.kind === 'failed' && result.confirmed && result.unanswered) {
      // The page went after the confirm, before an answer: the console may yet act. The step stays
      // "removing" as saved, and the run stops; a resume decides it from the data, as after a reload.
      stopping ??= 'pause';
      return null;
    }
    if (result.kind === 'done' || (result.kind === 'failed' && result.confirmed)) {
      return settle(current, emails, result.kind === 'failed' ? result.reason : null);
    }
    // Refused by the console: nothing changed, but check rather than believe.
    if (saved && result.kind === 'refused' && result.confirmed) return settle(current, emails, result.reason);
    if (result.kind === 'failed' && result.aborted && !heldForCheck) {
      // Paused or cancelled before the confirm, or held because a read or a save failed: nothing
      // happened, the rows wait (a failed read or save stops the run here, as it throws again).
      if (!stopping && !lost) await check;
      await change({ ...job, rows: setRows(emails, { kind: 'queued' }), steps: setStep(step.id, { state: 'queued', before: null }) });
      return null;
    }
    // Not confirmed: what the reads found (someone gone, the recipient) says why better than the dialog.
    const found = await check;
    if (checkChanged(found, emails)) {
      await applyCheck(current, found);
      return null;
    }
    await change({ ...job, rows: setRows(emails, { kind: 'failed', reason: result.reason }), steps: setStep(step.id, { state: 'failed' }) });
    return null;
  }

  /** The check of the last step the console acted on, while it goes on (the run ends only after it). */
  let checking: Promise<void> | null = null;

  async function run(): Promise<OffboardJob> {
    if (running) return job;
    running = true;
    stopping = null;
    lost = null;
    saveFailure = null;
    saving = Promise.resolve();
    checking = null;
    controller = new AbortController();
    const stopHeartbeat = ports.renewLease ? leaseHeartbeat(() => ports.renewLease!(job.id), ports.leaseRenewMs ?? LEASE_HEARTBEAT_MS, loseLease) : () => undefined;
    try {
      await change({ ...job, status: 'running' });
      let carried: Settling | null = null;
      for (;;) {
        if (lost) throw lost;
        if (carried && (!carried.next || stopping)) {
          // No step to prepare meanwhile: the check ends first, then the job says what is left.
          await carried.done;
          carried = null;
        }
        const step: OffboardStep | undefined = carried ? carried.next : job.steps.find((candidate) => candidate.state === 'queued' || candidate.state === 'removing');
        if (!step || stopping) break;
        const previous: Settling | null = carried;
        carried = await runStep(step, previous?.nextReads ?? null, previous?.done ?? null);
      }
      const left = job.rows.some((row) => row.state.kind === 'queued' || row.state.kind === 'removing');
      if (stopping === 'cancel') {
        await change({ ...job, status: 'cancelled', rows: job.rows.map((row) => (row.state.kind === 'queued' ? { ...row, state: { kind: 'cancelled' } } : row)), steps: job.steps.map((step) => (step.state === 'queued' ? { ...step, state: 'failed' } : step)) });
      } else await change({ ...job, status: left ? 'paused' : 'done' });
    } catch (error) {
      if (error instanceof LeaseLost || lost) {
        // Another tab runs the job: nothing more is saved or removed here; what it saves is the job.
        lost ??= error as LeaseLost;
      } else {
        // A save or a read failed: stop here; what was saved last is what a resume starts from.
        job = { ...job, status: 'paused' };
        ports.onChange(job);
        console.error('[Admin Lens] offboarding run stopped', error);
      }
    } finally {
      // A check still under way and the saves it queued end before the job is let go.
      // (Set by settle(), which TypeScript does not follow into this closure.)
      await (checking as Promise<void> | null)?.catch(() => undefined);
      await saving.catch(() => undefined);
      stopHeartbeat();
      running = false;
      stopping = null;
      await ports.release?.(job.id).catch(() => undefined);
    }
    return job;
  }

  return {
    get running() {
      return running;
    },
    get job() {
      return job;
    },
    get heldElsewhere() {
      return lost !== null;
    },
    run,
    pause() {
      if (!running) return;
      stopping = 'pause';
      controller.abort();
    },
    cancel() {
      if (running) {
        stopping = 'cancel';
        controller.abort();
        return;
      }
      stopping = 'cancel';
      void run();
    },
    async retryFailed() {
      if (running) return job;
      try {
        await change(retryFailedRows(job, ports.now()));
      } catch (error) {
        if (!(error instanceof LeaseLost)) throw error;
        lost = error;
      }
      return job;
    },
  };
}
