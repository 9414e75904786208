/**
 * Removal guard: stands between the admin and the console's removal dialog ("Remove Members?").
 *
 * - A removal dialog is found by meaning (utils/amplitude/remove-dialog.ts). While one is open,
 *   every confirm path (click and the pointer events before it, Enter/Space on the button, Enter in
 *   the dialog, a form submission) is caught in the CAPTURE phase on the window, before React's
 *   listener on its root container. What is not allowed is stopped there.
 * - Fresh data only: when a dialog opens, the org is read again (Admins change, and the cache may
 *   be old), and what each person in the dialog owns is counted through the console's content
 *   search, at once for the people the data in hand names (a count is read after the dialog opened
 *   whichever read named the person; it stands only for the member id and email the fresh read
 *   gives them, else they are counted again); until both are in, the guard shows "checking" and
 *   holds the confirm, and lets it go by itself if the fresh data finds it safe. A count that
 *   cannot be made is unknown, never "nothing".
 * - Safe removals (nothing owned, or a transfer to an active recipient; neither the only Admin nor
 *   oneself; every person identified) pass with no extra click: recorded in the audit log first,
 *   then the console's own confirm is pressed once. A failed record is said, never silent.
 * - Refusals (the only Admin, oneself) cannot be overridden. Everything else (orphaned content,
 *   inactive recipient, anything the guard could not read) needs "Remove without transfer" /
 *   "Remove anyway", a checkbox, and then the console's own Remove; what was not understood is
 *   recorded as "unverified".
 * - After the dialog closes we read the org again and record the outcome. A removal confirmed just
 *   before the page is left or the guard switched off is settled by the next read of the org
 *   (utils/audit/settle.ts, removal-outcomes.ts); until then the audit log says "not known yet".
 * - When the extension itself goes away (update, reload), removal-guard-fallback.ts takes over.
 */
import { render } from 'preact';
import type { Feature } from '@/utils/features/registry';
import { RemovalWarning, type RemovalWarningStage } from '@/components/RemovalWarning';
import { RemovalCheck } from '@/components/RemovalCheck';
import {
  becomesClick,
  closestRemoveDialog,
  dialogPortalRoot,
  findRemoveDialogs,
  isConfirmAction,
  isPressable,
  mayHoldDialog,
  readRemoveDialog,
  removeDialogParts,
  type RemoveDialogParts,
} from '@/utils/amplitude/remove-dialog';
import { assessRemoval, type ContentRead, describeContent, type Assessment } from '@/utils/audit/assess';
import { PENDING_OUTCOME, type AuditEntry, type AuditOutcome } from '@/utils/audit/entry';
import { membershipOf, notKnownYet, outcomeAfterClose, settledOutcome, type Membership } from '@/utils/audit/settle';
import { sendRequest } from '@/utils/messaging';
import type { MembersContext } from './context';
import type { OrgData } from './org-data';
import { showPlainNotice } from './plain-notice';
import { settleUnsettledRemovals } from './removal-outcomes';
import { DIALOG_SELECTOR, nameIncludes } from '@/utils/amplitude/names';
import { UI_STYLES } from './ui-styles';
import { t } from '@/utils/i18n';
import { extensionAlive } from './extension-alive';
import { isAcknowledgedRemoval } from '@/utils/audit/acknowledged-removals';
import { createShadowUi } from './shadow-ui';

const HOST_NAME = 'admin-lens-removal-guard';
const HOST_MARK = 'data-admin-lens';
const CONFIRM_EVENTS = ['pointerdown', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'keydown', 'keyup', 'submit'] as const;
const POINTER_ONLY = new Set(['pointerdown', 'mousedown', 'mouseup', 'dblclick', 'auxclick']);
/** Events after which what the dialog shows may have changed (transfer checkbox, recipient). */
const REFRESH_EVENTS = ['click', 'keyup', 'change', 'input'] as const;

interface GuardState {
  assessment: Assessment | null;
  stage: RemovalWarningStage;
  acknowledged: boolean;
  /** The signature the acknowledgement was given for. */
  armedFor: string | null;
  held: boolean;
  pending: boolean;
  error: string | null;
  /** The admin pressed Remove while the guard was checking: what the dialog said then. */
  waitingClick: string | null;
}

interface DialogGuard {
  dialog: HTMLElement;
  parts: RemoveDialogParts;
  state: GuardState;
  /** When the dialog was first seen (epoch ms): it is judged on data read since then. */
  openedAt: number;
  /** The fresh read for this dialog has ended (in success or failure). */
  checked: boolean;
  /** What each person (by member id) owns, counted since the dialog opened, or why not. */
  content: Map<string, ContentRead>;
  /** The email each count in `content` (by member id) was made for. */
  countedEmail: Map<string, string>;
  /** Member ids being counted now. */
  counting: Set<string>;
  ui: { remove: () => void } | null;
  container: HTMLElement | null;
  /** The panel could not be shown: the plain notice stands in for it. */
  renderFailed: boolean;
  /** Audit entries recorded while this dialog was open (their outcome is checked when it closes). */
  entries: { id: Promise<number | null>; entry: AuditEntry }[];
  lastPassedAt: number;
  closed: boolean;
}

function isOurs(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(`[${HOST_MARK}]`) !== null;
}

/** What the dialog says (who, transfer, recipient): a click is carried on only for what it was made for. */
function readingKey(parts: RemoveDialogParts): string {
  const reading = readRemoveDialog(parts);
  return JSON.stringify([reading.people, reading.transfer, reading.recipientText]);
}

function auditEntryFor(assessment: Assessment, orgData: OrgData, orgUrl: string, transfer: boolean, decision: AuditEntry['decision']): AuditEntry {
  const { snapshot } = orgData.get();
  const viewer = snapshot?.members.find((member) => member.id === snapshot.viewerId);
  return {
    at: Date.now(),
    org: { url: orgUrl, name: snapshot?.org.name ?? null },
    by: { name: viewer?.name ?? null, email: viewer?.email ?? null },
    people: assessment.people.map(({ ownsContent: _owns, ...person }) => person),
    transferTo: transfer && assessment.recipient ? assessment.recipient : null,
    decision,
    warnings: assessment.warnings,
    dataAsOf: snapshot?.readAt ?? null,
    outcome: PENDING_OUTCOME,
  };
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const removalGuard: Feature<MembersContext> = {
  id: 'removal-guard',
  // Judges from the snapshot and content counts, never from thresholds: a threshold change must not
  // restart it (a restart would drop the hold on a dialog open at that moment).
  usesThresholds: false,
  init({ ctx, page, orgData }, signal) {
    const guards = new Map<HTMLElement, DialogGuard>();
    /** True only while we dispatch the one click we allowed ourselves. */
    let allowing = false;

    const assess = (guard: DialogGuard): Assessment => {
      guard.parts = removeDialogParts(guard.dialog);
      const reading = readRemoveDialog(guard.parts);
      const judge = (fresh: boolean) => assessRemoval(reading, orgData.get(), Date.now(), { fresh, content: guard.content });
      const assessment = judge(guard.checked && guard.counting.size === 0);
      // Everyone identified is counted once, from the dialog's opening on (not waiting for the fresh
      // read: the count is the console's answer now); a count made for another email than the one
      // the data now gives that member is made again. Nothing is judged before the fresh read.
      const uncounted = assessment.people.filter(
        (person): person is typeof person & { memberId: string; email: string } =>
          person.memberId !== null &&
          person.email !== null &&
          !guard.counting.has(person.memberId) &&
          !(guard.content.has(person.memberId) && guard.countedEmail.get(person.memberId) === person.email.toLowerCase()),
      );
      if (uncounted.length === 0) return assessment;
      countFor(guard, uncounted.map((person) => ({ id: person.memberId, email: person.email })));
      return judge(false);
    };

    const countFor = (guard: DialogGuard, people: { id: string; email: string }[]) => {
      for (const person of people) {
        guard.counting.add(person.id);
        guard.content.delete(person.id);
        guard.countedEmail.set(person.id, person.email.toLowerCase());
      }
      void orgData
        .countContent(people)
        .then((counted) => {
          for (const [id, read] of counted) guard.content.set(id, read);
        })
        .catch((error: unknown) => {
          for (const person of people) guard.content.set(person.id, { error: reasonOf(error) });
        })
        .finally(() => {
          for (const person of people) guard.counting.delete(person.id);
          if (!guard.closed && !signal.aborted) reassess(guard);
        });
    };

    const panelFor = (guard: DialogGuard) => {
      const { assessment, ...state } = guard.state;
      if (!assessment || guard.closed) return null;
      if (assessment.verdict === 'checking') {
        return <RemovalCheck kind="checking" people={Math.max(assessment.people.length, 1)} waiting={state.waitingClick !== null} />;
      }
      if (assessment.verdict === 'safe') {
        return state.error ? (
          <RemovalCheck kind="error" error={state.error} onRetry={() => retrySafe(guard)} onRemoveUnrecorded={() => pressConsoleRemove(guard)} />
        ) : null;
      }
      return (
        <RemovalWarning
          verdict={assessment.verdict}
          refusals={assessment.refusals}
          warnings={assessment.warnings}
          orphans={assessment.orphans}
          unverified={assessment.unknowns.length > 0}
          people={assessment.people.map((person) => ({
            name: person.name,
            email: person.email,
            content: person.content ? describeContent(person.content) : null,
            ownsContent: person.ownsContent,
            access: person.access,
          }))}
          stage={state.stage}
          acknowledged={state.acknowledged}
          held={state.held}
          pending={state.pending}
          error={state.error}
          onGoBack={() => goBack(guard)}
          onProceed={() => update(guard, { stage: 'acknowledge' })}
          onAcknowledge={(checked) =>
            update(guard, { acknowledged: checked, armedFor: checked ? (guard.state.assessment?.signature ?? null) : null, error: null })
          }
          onRemoveUnrecorded={() => pressConsoleRemove(guard)}
        />
      );
    };

    /** Shows the panel; if it cannot be shown, a plain notice says why the removal is held. */
    const paint = (guard: DialogGuard) => {
      if (guard.closed) return;
      try {
        if (guard.renderFailed) throw new Error('the panel is not shown');
        if (guard.container) render(panelFor(guard), guard.container);
      } catch (error) {
        guard.renderFailed = true;
        const verdict = guard.state.assessment?.verdict;
        if (verdict === 'safe' && !guard.state.error) return;
        showPlainNotice({
          container: guard.dialog,
          anchor: guard.parts.list,
          mark: 'removal-guard-notice',
          label: t('rgLabel'),
          message: t('rgRenderFailed', { error: reasonOf(error) }),
          actions: verdict === 'refuse' ? [] : [{ label: t('rgRemoveUnguarded'), kind: 'danger', onPress: () => pressConsoleRemove(guard) }],
        });
      }
    };

    const update = (guard: DialogGuard, next: Partial<GuardState>) => {
      guard.state = { ...guard.state, ...next };
      paint(guard);
    };

    /** Re-reads the dialog; a changed situation withdraws an earlier acknowledgement. */
    const reassess = (guard: DialogGuard): Assessment => {
      const assessment = assess(guard);
      const changed = guard.state.assessment?.signature !== assessment.signature;
      update(
        guard,
        changed && !guard.state.pending
          ? { assessment, stage: 'warn', acknowledged: false, armedFor: null, held: false }
          : { assessment },
      );
      // A Remove pressed while checking goes on by itself once fresh data finds it safe, provided
      // the dialog still says what it said then; otherwise it stays held and the panel says why.
      const waiting = guard.state.waitingClick;
      if (waiting !== null && assessment.verdict !== 'checking') {
        const same = waiting === readingKey(guard.parts);
        const acknowledged = same && acknowledgedElsewhere(guard, assessment);
        update(guard, { waitingClick: null, held: (assessment.verdict !== 'safe' && !acknowledged) || !same });
        if (assessment.verdict === 'safe' && same) void passSafely(guard, assessment);
        else if (acknowledged) void confirmDeliberately(guard, assessment);
      }
      return assessment;
    };

    /** Reads the org again for this dialog (a read started before it opened does not count); judges once it is in. */
    const ensureFresh = (guard: DialogGuard) => {
      void orgData
        .readSince(guard.openedAt)
        .catch((error: unknown) => update(guard, { error: t('rgReadFailed', { error: reasonOf(error) }) }))
        .finally(() => {
          guard.checked = true;
          if (!guard.closed && !signal.aborted) reassess(guard);
        });
    };

    const goBack = (guard: DialogGuard) => {
      const checkbox = guard.parts.transferCheckbox;
      update(guard, { stage: 'warn', acknowledged: false, armedFor: null, held: false });
      if (checkbox?.isConnected) {
        if (checkbox.getAttribute('aria-checked') !== 'true' && !(checkbox instanceof HTMLInputElement && checkbox.checked)) checkbox.click();
        checkbox.focus();
      }
      requestAnimationFrame(() => reassess(guard));
    };

    const mountUi = async (guard: DialogGuard) => {
      const anchor = guard.parts.list ?? guard.dialog;
      const ui = await createShadowUi(ctx, {
        css: UI_STYLES,
        name: HOST_NAME,
        position: 'inline',
        anchor,
        append: guard.parts.list ? 'after' : 'last',
        onMount(container, _shadow, host) {
          host.setAttribute(HOST_MARK, 'removal-guard');
          host.style.display = 'block';
          guard.container = container;
          paint(guard);
          return container;
        },
        onRemove(container) {
          if (container) render(null, container);
          guard.container = null;
        },
      });
      if (signal.aborted || guard.closed) {
        ui.remove();
        return;
      }
      ui.mount();
      guard.ui = ui;
    };

    const guardFor = (dialog: HTMLElement): DialogGuard => {
      const existing = guards.get(dialog);
      if (existing) return existing;
      const guard: DialogGuard = {
        dialog,
        parts: removeDialogParts(dialog),
        state: { assessment: null, stage: 'warn', acknowledged: false, armedFor: null, held: false, pending: false, error: null, waitingClick: null },
        openedAt: Date.now(),
        checked: false,
        content: new Map(),
        countedEmail: new Map(),
        counting: new Set(),
        ui: null,
        container: null,
        renderFailed: false,
        entries: [],
        lastPassedAt: 0,
        closed: false,
      };
      guards.set(dialog, guard);
      ensureFresh(guard);
      reassess(guard);
      void mountUi(guard).catch((error: unknown) => {
        console.error('[Admin Lens] removal guard could not show its panel', error);
        guard.renderFailed = true;
        paint(guard);
      });
      return guard;
    };

    /** Stores the audit entry in the background; resolves to its id, or to the reason it failed. */
    const record = (guard: DialogGuard, assessment: Assessment, decision: AuditEntry['decision']): Promise<{ id: number } | { error: string }> => {
      const entry = auditEntryFor(assessment, orgData, page.location.orgUrl, readRemoveDialog(guard.parts).transfer, decision);
      const result = sendRequest({ type: 'audit-append', entry }).then(
        (answer) => ({ id: answer.id }),
        (error: unknown) => {
          console.error('[Admin Lens] could not record the removal in the audit log', error);
          return { error: reasonOf(error) };
        },
      );
      guard.entries.push({ id: result.then((answer) => ('id' in answer ? answer.id : null)), entry });
      return result;
    };

    /** The console's own confirm, pressed once by us. */
    const pressConsoleRemove = (guard: DialogGuard): boolean => {
      const button = removeDialogParts(guard.dialog).confirm;
      if (!isPressable(button)) {
        update(guard, { error: t('rgButtonGone') });
        return false;
      }
      allowing = true;
      try {
        button.click();
      } finally {
        allowing = false;
      }
      return true;
    };

    /** Past the warnings, deliberately: recorded first, then the console's own confirm, once. */
    const confirmDeliberately = async (guard: DialogGuard, assessment: Assessment) => {
      update(guard, { pending: true, acknowledged: false, armedFor: null, held: false, error: null });
      const result = await record(guard, assessment, assessment.unknowns.length > 0 ? 'unverified' : 'confirmed');
      if (signal.aborted) return;
      if ('error' in result) {
        update(guard, { pending: false, error: t('rgRecordFailed', { error: result.error }) });
        return;
      }
      update(guard, { pending: false, stage: 'warn' });
      pressConsoleRemove(guard);
    };

    /**
     * The offboarding run's per-person "remove without transfer", acknowledged there by the admin
     * for exactly these people (utils/audit/acknowledged-removals.ts): a warning only, everyone
     * identified, no transfer. Refusals and anything unread still hold.
     */
    const acknowledgedElsewhere = (guard: DialogGuard, assessment: Assessment): boolean =>
      assessment.verdict === 'confirm' &&
      assessment.unknowns.length === 0 &&
      !guard.state.pending &&
      !readRemoveDialog(guard.parts).transfer &&
      isAcknowledgedRemoval(assessment.people.map((person) => person.memberId));

    /** A safe removal: recorded first, then the console's own confirm, once. */
    const passSafely = async (guard: DialogGuard, assessment: Assessment) => {
      const result = await record(guard, assessment, 'passed');
      if (signal.aborted) return;
      if ('error' in result) {
        guard.lastPassedAt = 0;
        update(guard, { error: t('rgRecordFailed', { error: result.error }) });
        return;
      }
      pressConsoleRemove(guard); // says so in the dialog if the console's Remove is no longer there
    };

    const retrySafe = (guard: DialogGuard) => {
      update(guard, { error: null });
      const assessment = reassess(guard);
      if (assessment.verdict === 'safe') void passSafely(guard, assessment);
    };

    /** An error of ours while a removal may be confirmed holds the confirm: never fail open. */
    const onConfirmEvent = (event: Event) => {
      try {
        judgeConfirm(event);
      } catch (error) {
        console.error('[Admin Lens] removal guard', error);
        const dialog = event.target instanceof Element ? event.target.closest<HTMLElement>(DIALOG_SELECTOR) : null;
        // Only a dialog that may be a removal: other dialogs of the console go on as if we were not here.
        if (!dialog || allowing || isOurs(event.target) || !nameIncludes(dialog.textContent, 'remove')) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        showPlainNotice({
          container: dialog,
          mark: 'removal-guard-notice',
          label: t('rgLabel'),
          message: t('rgRenderFailed', { error: reasonOf(error) }),
          actions: [{ label: t('rgRemoveUnguarded'), kind: 'danger', onPress: () => pressAnyway(dialog, event.target) }],
        });
      }
    };

    /** After an error: the pressed button, pressed once without the guard, as the admin asked. */
    const pressAnyway = (dialog: HTMLElement, target: EventTarget | null) => {
      const button = target instanceof Element ? target.closest<HTMLElement>('button, [role="button"]') : null;
      if (!button || !dialog.contains(button)) return;
      allowing = true;
      try {
        button.click();
      } finally {
        allowing = false;
      }
    };

    const judgeConfirm = (event: Event) => {
      // Once the extension is gone (updated or reloaded with this tab open) the fallback, installed
      // first, holds every removal and offers the admin's explicit way through: this guard, whose
      // listeners may outlive its extension for a moment, must not stand in that way.
      if (allowing || isOurs(event.target) || !extensionAlive()) return;
      const dialog = closestRemoveDialog(event.target);
      if (!dialog || !isConfirmAction(event, dialog)) return;
      const guard = guardFor(dialog);
      const assessment = reassess(guard);
      const native = becomesClick(event, dialog);
      if (assessment.verdict === 'safe' && !guard.state.pending && !guard.state.error) {
        // No friction, but the audit record must be stored before the console acts: the acting
        // event is held for the few milliseconds the background needs, then the console's own
        // confirm is pressed once. Pointer events, and Enter/Space on a native button (which
        // become a click), go on untouched; on an ARIA button the key itself acts.
        if (POINTER_ONLY.has(event.type) || (native && event.type !== 'submit')) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        if (event.type === 'keyup') return;
        if (Date.now() - guard.lastPassedAt < 1000) return; // a double click removes once
        guard.lastPassedAt = Date.now();
        void passSafely(guard, assessment);
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      if (POINTER_ONLY.has(event.type) || event.type === 'keyup') return;
      if (assessment.verdict === 'checking') {
        update(guard, { waitingClick: readingKey(guard.parts) });
        return;
      }
      const armed =
        (assessment.verdict === 'confirm' && guard.state.acknowledged && guard.state.armedFor === assessment.signature && !guard.state.pending) ||
        acknowledgedElsewhere(guard, assessment);
      if (armed) void confirmDeliberately(guard, assessment);
      else update(guard, { held: assessment.verdict !== 'refuse' });
    };

    // Anything that may change what the dialog shows: re-read it, once per frame.
    let scheduled = false;
    const refreshAll = () => {
      scheduled = false;
      for (const guard of guards.values()) if (!guard.closed) reassess(guard);
    };
    const onMaybeChanged = () => {
      if (guards.size === 0 || scheduled) return;
      scheduled = true;
      requestAnimationFrame(refreshAll);
    };

    /**
     * Records what became of the removals confirmed in this dialog, from a read that starts after
     * this call. `consoleActed`: the dialog has closed, so the console has acted (or the admin
     * cancelled) and the read decides at once. A dialog still open when the guard stopped may yet
     * act: then only what the read proves is recorded (utils/audit/settle.ts), and what it does not
     * is left "not known yet" for the next read of the org (removal-outcomes.ts), never a guess.
     */
    const finish = async (guard: DialogGuard, consoleActed = true) => {
      guard.closed = true;
      guards.delete(guard.dialog);
      guard.ui?.remove();
      if (guard.entries.length === 0) return;
      const entries = guard.entries;
      const ids = await Promise.all(entries.map((item) => item.id));
      const outcomes = async (): Promise<(AuditOutcome | null)[]> => {
        const read = await readAfterNow();
        if ('error' in read) return entries.map(() => (consoleActed ? notKnownYet(read.error) : null));
        const now = Date.now();
        return entries.map(({ entry }) => (consoleActed ? outcomeAfterClose(entry, read.membership, now) : settledOutcome(entry, read.membership, read.startedAt)));
      };
      let decided = await outcomes();
      if (consoleActed && decided.every((outcome) => outcome?.status !== 'gone')) {
        // [guess] A console may close its dialog before its request is answered: read once more.
        decided = await outcomes();
      }
      await Promise.all(
        ids.map((id, index) => {
          const outcome = decided[index];
          return id === null || !outcome ? null : sendRequest({ type: 'audit-update-outcome', id, outcome }).catch((error: unknown) => console.error('[Admin Lens] could not record the outcome', error));
        }),
      );
    };

    /** The org as a read that started after this call found it, or why there is none. */
    const readAfterNow = async (): Promise<{ membership: Membership; startedAt: number } | { error: string }> => {
      const asked = Date.now();
      await orgData.refresh();
      const state = orgData.get();
      const startedAt = state.readStartedAt ?? null;
      // A read abandoned because the page's features stopped leaves the older data behind: not a read.
      if (state.status === 'error' || !state.snapshot || state.fromCache || startedAt === null || startedAt < asked) {
        return { error: state.error ?? 'the read was stopped' };
      }
      return { membership: membershipOf(state.snapshot.members), startedAt };
    };

    // Dialogs appear where dialogPortalRoot says: watch its children, react only to dialogs.
    let scanScheduled = false;
    const scan = () => {
      scanScheduled = false;
      if (signal.aborted) return;
      for (const dialog of findRemoveDialogs(document)) guardFor(dialog);
      for (const guard of [...guards.values()]) {
        if (!guard.dialog.isConnected) void finish(guard).catch((error: unknown) => console.error('[Admin Lens] removal outcome', error));
      }
    };
    const observer = new MutationObserver((mutations) => {
      if (scanScheduled) return;
      // A closing portal may be emptied before it is detached: any removal matters while we guard.
      const relevant = mutations.some(
        (mutation) =>
          [...mutation.addedNodes].some((node) => !isOurs(node) && mayHoldDialog(node)) ||
          [...mutation.removedNodes].some((node) => !isOurs(node) && (guards.size > 0 || mayHoldDialog(node))),
      );
      if (!relevant) return;
      scanScheduled = true;
      requestAnimationFrame(scan);
    });
    observer.observe(dialogPortalRoot(document), { childList: true });
    // In case the console closes a dialog deeper than <body>'s children: check now and then while one is guarded.
    const poll = ctx.setInterval(() => {
      if (guards.size > 0 && !scanScheduled && [...guards.keys()].some((dialog) => !dialog.isConnected)) scan();
    }, 1000);

    // A dialog opens on a click or a key press: look for one wherever the console renders it.
    const afterInput = () => {
      if (scanScheduled) return;
      scanScheduled = true;
      requestAnimationFrame(scan);
    };
    const unsubscribe = orgData.subscribe(() => onMaybeChanged());
    // Removals of this org confirmed where their outcome could not be checked (a page left right
    // after the confirm, say): every fresh read settles what it can prove.
    settleUnsettledRemovals(orgData, page.location.orgUrl, signal);
    const view = document.defaultView ?? window;
    for (const type of CONFIRM_EVENTS) view.addEventListener(type, onConfirmEvent, { capture: true, signal });
    for (const type of REFRESH_EVENTS) view.addEventListener(type, onMaybeChanged, { capture: true, passive: true, signal });
    for (const type of ['click', 'keyup'] as const) view.addEventListener(type, afterInput, { capture: true, passive: true, signal });
    scan();

    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        clearInterval(poll);
        unsubscribe();
        for (const guard of [...guards.values()]) {
          // A removal confirmed just before the guard stopped still gets its outcome checked.
          if (guard.entries.length > 0) void finish(guard, !guard.dialog.isConnected).catch((error: unknown) => console.error('[Admin Lens] removal outcome', error));
          guard.closed = true;
          guard.ui?.remove();
        }
        guards.clear();
      },
      { once: true },
    );
  },
};
