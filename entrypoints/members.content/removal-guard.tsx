/**
 * Removal guard: stands between the admin and the console's "Remove Members?" confirm action.
 *
 * - Every confirm path (click and the pointer events before it, Enter/Space on the button, Enter in
 *   the dialog, a form submission) is caught in the CAPTURE phase on the window, which runs before
 *   React's listener on its root container. What is not allowed is stopped there.
 * - Safe removals (nothing owned, or a transfer to an active recipient; neither the only Admin nor
 *   oneself) pass untouched; they are recorded in the audit log as the click goes by.
 * - Refusals (the only Admin, oneself) cannot be overridden. Everything else (orphaned content,
 *   inactive or unknown recipient, missing data) needs "Remove without transfer" / "Remove anyway",
 *   a checkbox, and then the console's own Remove: we hold that click, record the removal in the
 *   background's audit log, and only then click Remove once ourselves.
 * - After the dialog closes we read the org again and record the outcome.
 */
import { render } from 'preact';
import type { Feature } from '@/utils/features/registry';
import { RemovalWarning, type RemovalWarningStage } from '@/components/RemovalWarning';
import {
  findRemoveDialogs,
  isConfirmButton,
  mayHoldDialog,
  readRemoveDialog,
  removeDialogParts,
  type RemoveDialogParts,
} from '@/utils/amplitude/remove-dialog';
import { assessRemoval, describeContent, type Assessment } from '@/utils/audit/assess';
import { outcomeFrom, PENDING_OUTCOME, type AuditEntry } from '@/utils/audit/entry';
import { sendRequest } from '@/utils/messaging';
import type { MembersContext } from './context';
import type { OrgData } from './org-data';
import './removal-guard.css';
import { t } from '@/utils/i18n';

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
}

interface DialogGuard {
  dialog: HTMLElement;
  parts: RemoveDialogParts;
  state: GuardState;
  ui: { remove: () => void } | null;
  container: HTMLElement | null;
  /** Audit entries recorded while this dialog was open (their outcome is checked when it closes). */
  entries: { id: Promise<number | null>; entry: AuditEntry }[];
  lastPassedAt: number;
  closed: boolean;
}

function isOurs(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(`[${HOST_MARK}]`) !== null;
}

function closestRemoveDialog(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const dialog = target.closest<HTMLElement>('[role="dialog"], dialog');
  return dialog && findRemoveDialogs(dialog).includes(dialog) ? dialog : null;
}

/** Is this event one that could confirm the removal? */
function isConfirmAction(event: Event, dialog: HTMLElement): boolean {
  const target = event.target;
  if (event.type === 'submit') return target instanceof HTMLFormElement && dialog.contains(target);
  if (event instanceof KeyboardEvent) {
    if (isConfirmButton(dialog, target)) return event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar';
    // Enter elsewhere in the dialog may submit it; except where Enter means something else
    // (picking an option in the recipient combobox, pressing another button, ticking a checkbox).
    if (event.type !== 'keydown' || event.key !== 'Enter') return false;
    if (!(target instanceof Element)) return false;
    return !target.closest('button, a[href], textarea, select, input[type="checkbox"], [role="combobox"], [role="listbox"], [role="option"], [role="button"]');
  }
  return isConfirmButton(dialog, target);
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

export const removalGuard: Feature<MembersContext> = {
  id: 'removal-guard',
  init({ ctx, page, orgData }, signal) {
    const guards = new Map<HTMLElement, DialogGuard>();
    /** True only while we dispatch the one click we allowed ourselves. */
    let allowing = false;

    const assess = (guard: DialogGuard): Assessment => {
      guard.parts = removeDialogParts(guard.dialog);
      return assessRemoval(readRemoveDialog(guard.parts), orgData.get(), Date.now());
    };

    const paint = (guard: DialogGuard) => {
      if (!guard.container) return;
      const { assessment, ...state } = guard.state;
      if (!assessment || assessment.verdict === 'safe' || guard.closed) {
        render(null, guard.container);
        return;
      }
      render(
        <RemovalWarning
          verdict={assessment.verdict}
          refusals={assessment.refusals}
          warnings={assessment.warnings}
          orphans={assessment.orphans}
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
        />,
        guard.container,
      );
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
      return assessment;
    };

    const goBack = (guard: DialogGuard) => {
      const checkbox = guard.parts.transferCheckbox;
      update(guard, { stage: 'warn', acknowledged: false, armedFor: null, held: false });
      if (checkbox?.isConnected) {
        if (!checkbox.checked) checkbox.click();
        checkbox.focus();
      }
      requestAnimationFrame(() => reassess(guard));
    };

    const mountUi = async (guard: DialogGuard) => {
      const anchor = guard.parts.list ?? guard.dialog;
      const ui = await createShadowRootUi(ctx, {
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
        state: { assessment: null, stage: 'warn', acknowledged: false, armedFor: null, held: false, pending: false, error: null },
        ui: null,
        container: null,
        entries: [],
        lastPassedAt: 0,
        closed: false,
      };
      guards.set(dialog, guard);
      reassess(guard);
      void mountUi(guard).catch((error: unknown) => console.error('[Admin Lens] removal guard could not show its panel', error));
      return guard;
    };

    const record = (guard: DialogGuard, assessment: Assessment, decision: AuditEntry['decision']): Promise<number | null> => {
      const entry = auditEntryFor(assessment, orgData, page.location.orgUrl, readRemoveDialog(guard.parts).transfer, decision);
      const id = sendRequest({ type: 'audit-append', entry }).then(
        (result) => result.id,
        (error: unknown) => {
          console.error('[Admin Lens] could not record the removal in the audit log', error);
          return null;
        },
      );
      guard.entries.push({ id, entry });
      return id;
    };

    /** The console's own confirm, once, after the removal is recorded. */
    const confirmDeliberately = async (guard: DialogGuard, assessment: Assessment) => {
      update(guard, { pending: true, acknowledged: false, armedFor: null, held: false, error: null });
      const id = await record(guard, assessment, 'confirmed');
      if (signal.aborted) return;
      if (id === null) {
        update(guard, { pending: false, error: t('rgRecordFailed') });
        return;
      }
      const button = removeDialogParts(guard.dialog).confirm;
      update(guard, { pending: false, stage: 'warn' });
      if (!button || button.disabled || !button.isConnected) {
        update(guard, { error: t('rgButtonGone') });
        return;
      }
      allowing = true;
      try {
        button.click();
      } finally {
        allowing = false;
      }
    };

    /** A safe removal: recorded first, then the console's own confirm, once. */
    const passSafely = async (guard: DialogGuard, assessment: Assessment) => {
      const id = await record(guard, assessment, 'passed');
      if (signal.aborted) return;
      if (id === null) {
        guard.lastPassedAt = 0;
        update(guard, { error: t('rgRecordFailed') });
        return;
      }
      const button = removeDialogParts(guard.dialog).confirm;
      if (!button || button.disabled || !button.isConnected) return;
      allowing = true;
      try {
        button.click();
      } finally {
        allowing = false;
      }
    };

    const onConfirmEvent = (event: Event) => {
      if (allowing || isOurs(event.target)) return;
      const dialog = closestRemoveDialog(event.target);
      if (!dialog || !isConfirmAction(event, dialog)) return;
      const guard = guardFor(dialog);
      const assessment = reassess(guard);
      if (assessment.verdict === 'safe' && !guard.state.pending) {
        // No friction, but the audit record must be stored before the console acts: the acting
        // event is held for the few milliseconds the background needs, then the console's own
        // confirm is clicked once. Pointer events and Enter on the button (which becomes a click)
        // go on untouched.
        const acts = event.type === 'click' || event.type === 'submit' || (event.type === 'keydown' && !isConfirmButton(dialog, event.target));
        if (!acts) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        if (Date.now() - guard.lastPassedAt < 1000) return; // a double click removes once
        guard.lastPassedAt = Date.now();
        void passSafely(guard, assessment);
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      if (POINTER_ONLY.has(event.type) || event.type === 'keyup') return;
      const armed =
        assessment.verdict === 'confirm' && guard.state.acknowledged && guard.state.armedFor === assessment.signature && !guard.state.pending;
      if (armed) void confirmDeliberately(guard, assessment);
      else update(guard, { held: assessment.verdict === 'confirm' });
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

    const finish = async (guard: DialogGuard) => {
      guard.closed = true;
      guards.delete(guard.dialog);
      guard.ui?.remove();
      if (guard.entries.length === 0) return;
      const entries = guard.entries;
      const ids = await Promise.all(entries.map((item) => item.id));
      let outcomeCheck = await checkOutcome(entries.map((item) => item.entry));
      if (outcomeCheck.every((outcome) => outcome.status !== 'gone')) {
        // A read already in flight may have started before the console acted: read once more.
        outcomeCheck = await checkOutcome(entries.map((item) => item.entry));
      }
      await Promise.all(
        ids.map((id, index) => {
          const outcome = outcomeCheck[index];
          return id === null || !outcome ? null : sendRequest({ type: 'audit-update-outcome', id, outcome }).catch((error: unknown) => console.error('[Admin Lens] could not record the outcome', error));
        }),
      );
    };

    const checkOutcome = async (entries: AuditEntry[]) => {
      await orgData.refresh();
      const state = orgData.get();
      const now = Date.now();
      if (state.status === 'error' || !state.snapshot) {
        return entries.map(() => ({ status: 'error' as const, checkedAt: now, detail: `Could not read the org afterwards: ${state.error ?? 'no data'}.` }));
      }
      const emails = new Set(state.snapshot.members.map((member) => member.email.toLowerCase()));
      const ids = new Set(state.snapshot.members.map((member) => member.id));
      return entries.map((entry) =>
        outcomeFrom(entry.people, (person) => (person.memberId ? ids.has(person.memberId) : person.email ? emails.has(person.email.toLowerCase()) : true), now),
      );
    };

    // Dialogs are portaled to the end of <body>: watch its children only, react only to dialogs.
    let scanScheduled = false;
    const scan = () => {
      scanScheduled = false;
      if (signal.aborted) return;
      for (const dialog of findRemoveDialogs(document.body)) guardFor(dialog);
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
    observer.observe(document.body, { childList: true });
    // In case the console closes a dialog deeper than <body>'s children: check now and then while one is guarded.
    const poll = ctx.setInterval(() => {
      if (guards.size > 0 && !scanScheduled && [...guards.keys()].some((dialog) => !dialog.isConnected)) scan();
    }, 1000);

    const unsubscribe = orgData.subscribe(() => onMaybeChanged());
    const view = document.defaultView ?? window;
    for (const type of CONFIRM_EVENTS) view.addEventListener(type, onConfirmEvent, { capture: true, signal });
    for (const type of REFRESH_EVENTS) view.addEventListener(type, onMaybeChanged, { capture: true, passive: true, signal });
    scan();

    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        clearInterval(poll);
        unsubscribe();
        for (const guard of guards.values()) {
          guard.closed = true;
          guard.ui?.remove();
        }
        guards.clear();
      },
      { once: true },
    );
  },
};
