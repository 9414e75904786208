/**
 * Change of email in the page (part of the on-demand email-change.js, never of the content script
 * or members-page.js): the list of this org's changes above the Users list (each re-read whenever
 * the page has fresh data: pending, joined, active), and the panel that plans a change, takes its
 * steps through the console's own wizard and Remove dialog (utils/email-change/steps.ts), and shows
 * what the final check found. Every step goes into the audit log.
 */
import { render } from 'preact';
import { EmailChangePanel, type ChangeAction, type EmailChangePanelProps } from '@/components/EmailChangePanel';
import type { OrgSnapshot } from '@/utils/access/model';
import { createConsoleClient } from '@/utils/amplitude/console-client';
import { isConsoleRefusal } from '@/utils/amplitude/invite-refusal';
import { sendThroughWizard } from '@/utils/amplitude/invite-wizard';
import { fetchNotingOwn } from '@/utils/amplitude/own-requests';
import { personReads } from '@/utils/amplitude/person-reads';
import { removeThroughConsole } from '@/utils/amplitude/remove-driver';
import { auditEntriesOf } from '@/utils/email-change/audit-steps';
import { pieceList } from '@/utils/email-change/piece-labels';
import { planEmailChange, unknownPieces, type EmailChangePlan } from '@/utils/email-change/plan';
import { emailChangeSteps, type StepPorts } from '@/utils/email-change/steps';
import { checkNewAddress } from '@/utils/email-change/validate';
import { accessBeforeOf, fixForAccessDifference } from '@/utils/email-change/verify';
import { createEmailChange, isFinished, mayOfferRemoval, type EmailChange } from '@/utils/email-change/workflow';
import { t } from '@/utils/i18n';
import { wizardBatchOf } from '@/utils/invite/page-run';
import { sendRequest } from '@/utils/messaging';
import { applyFill, planLines } from './email-change-plan-view';
import { guardHold } from './guard-hold';
import type { OrgData } from './org-data';
import css from './email-change.css?inline';

export interface EmailChangeContext {
  orgData: OrgData;
  orgUrl: string;
  origin: string;
  signal: AbortSignal;
  /** Where the list of changes goes (above the Users list); null: nowhere found, the panel still works. */
  listAnchor: () => Element | null;
}

export interface EmailChangeController {
  /** Opens the panel for this person: their change under way, or a new one. */
  open(email: string): void;
}

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const when = (iso: string) => WHEN.format(new Date(iso));

function shadowHost(tag: string): { host: HTMLElement; mount: HTMLElement } {
  const host = document.createElement(tag);
  host.setAttribute('data-admin-lens', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const mount = document.createElement('div');
  shadow.append(style, mount);
  for (const type of ['click', 'mousedown', 'pointerdown', 'keydown', 'keyup', 'input']) host.addEventListener(type, (event) => event.stopPropagation());
  return { host, mount };
}

/** Where a change is, in words, and since when. */
export function stepWords(change: EmailChange): string {
  const step = change.step;
  const email = change.newEmail;
  switch (step.kind) {
    case 'ready':
      return t('ecStepReady');
    case 'inviting':
      return t('ecStepInviting', { email });
    case 'refused':
      return t('ecStepRefused', { reason: step.reason });
    case 'removing':
      return t('ecStepRemoving', { old: change.old.email, email });
    case 'done':
      return t('ecStepDone', { old: change.old.email, email });
    case 'cancelled':
      return t('ecStepCancelled', { step: step.during });
    case 'waiting': {
      const since = when(step.accountSince);
      switch (step.account) {
        case 'pending':
          return t('ecWaitPending', { email, since: when(step.since) });
        case 'joined-inactive':
          return t('ecWaitActive', { email, since });
        case 'activity-unknown':
          return t('ecWaitUnknown', { email, since });
        case 'active':
          return t('ecWaitReady', { email, since });
        case 'missing':
          return t('ecWaitMissing', { email, since });
        default:
          return t('ecWaitUnchecked', { email, since: when(step.since) });
      }
    }
  }
}

function actionsFor(change: EmailChange): ChangeAction[] {
  const step = change.step;
  if (isFinished(change)) return [];
  if (step.kind === 'ready') return ['invite', 'cancel'];
  if (step.kind === 'waiting') return mayOfferRemoval(step.account) ? ['remove', 'check', 'cancel'] : ['check', 'cancel'];
  return ['check', 'cancel'];
}

function reportLines(change: EmailChange): string[] {
  if (change.step.kind !== 'done') return change.step.kind === 'waiting' && change.step.note ? [change.step.note] : [];
  const report = change.step.report;
  const lines = [report.oldGone ? t('ecReportOldGone', { email: change.old.email }) : t('ecReportOldThere', { email: change.old.email })];
  lines.push(report.contentMoved === null ? t('ecReportContentUnknown') : report.contentMoved ? t('ecReportContentMoved', { email: change.newEmail }) : t('ecReportContentMissing', { email: change.newEmail }));
  if (report.accessDifferences?.length === 0) lines.push(t('ecReportSameAccess'));
  for (const difference of report.accessDifferences ?? []) lines.push(fixForAccessDifference(difference, change.newEmail));
  lines.push(...report.otherDifferences, ...report.unchecked);
  return lines;
}

export function startEmailChanges(context: EmailChangeContext): EmailChangeController {
  const { orgData, orgUrl, signal } = context;
  const client = createConsoleClient({ origin: context.origin, orgUrl, fetch: fetchNotingOwn });
  const reads = personReads(client);
  let changes: EmailChange[] = [];
  let busy: string | null = null;
  let panel: { change: EmailChange | null; oldEmail: string; draftEmail: string; plan: EmailChangePlan | null; problem: string | null; titleId: string; returnFocus: Element | null } | null = null;
  let listHost: ReturnType<typeof shadowHost> | null = null;
  let panelHost: ReturnType<typeof shadowHost> | null = null;

  const snapshotNow = () => orgData.get().snapshot;
  const viewer = () => {
    const snapshot = snapshotNow();
    return snapshot?.members.find((member) => member.id === snapshot.viewerId) ?? null;
  };

  /** Every step into the audit log, as an entry of its own kind (old and new address, the step). */
  async function audit(previous: EmailChange | null, change: EmailChange) {
    const me = viewer();
    const who = { org: { url: orgUrl, name: snapshotNow()?.org.name ?? null }, by: { name: me?.name ?? null, email: me?.email ?? null } };
    for (const entry of auditEntriesOf(previous, change, who)) {
      await sendRequest({ type: 'audit-append', entry }).catch((error: unknown) => console.warn('[Admin Lens] email change: audit entry not written', error));
    }
  }

  const ports: StepPorts = {
    async save(change) {
      await sendRequest({ type: 'email-change-save', change });
      // The change as it was before this save (none: just planned), for what the audit log records.
      const previous = change.revision === 0 ? null : changes.find((other) => other.id === change.id);
      changes = [change, ...changes.filter((other) => other.id !== change.id)];
      if (panel?.change?.id === change.id) panel.change = change;
      draw();
      if (previous !== undefined) void audit(previous, change);
    },
    async freshSnapshot() {
      await orgData.refresh();
      const state = orgData.get();
      if (!state.snapshot || state.status === 'error') throw new Error(state.error ?? t('ecNoData'));
      return state.snapshot;
    },
    membership: (email) => reads.membership(email),
    contentOf: (email) => reads.content(email),
    defaultProjectOf: (email) => reads.defaultProject(email),
    async invite(change, beforeSend) {
      const snapshot = snapshotNow();
      if (!snapshot) return { ok: false, reason: t('ecNoData'), refusedByConsole: false };
      const { plan } = change;
      const settings = { groupIds: plan.groupIds.value, projectRoles: plan.projectRoles.value, orgRole: plan.orgRole, defaultProjectId: plan.defaultProjectId.value, teamSpaceIds: plan.teamSpaceIds.value };
      const row = { row: 1, line: 2, email: change.newEmail, cells: [], teamId: plan.team.value, batchId: change.id, state: { kind: 'queued' as const }, attempts: 0 };
      const outcome = await sendThroughWizard(wizardBatchOf({ id: change.id, settings, rows: [1] }, [row], snapshot), { signal, beforeSend });
      return outcome.ok ? { ok: true } : { ok: false, reason: outcome.reason, aborted: outcome.aborted, refusedByConsole: isConsoleRefusal(outcome.reason) };
    },
    remove(change, snapshot, beforeConfirm) {
      const recipient = snapshot.members.find((member) => member.email.toLowerCase() === change.newEmail);
      return removeThroughConsole(
        { people: [{ email: change.old.email, name: change.old.name }], recipient: { email: change.newEmail, name: recipient?.name ?? change.newEmail }, view: 'joined' },
        // A hold of the guard (it cannot check this dialog, say) is an answer: nothing was removed.
        { orgPeople: snapshot.members.map(({ id, email, name }) => ({ id, email, name })), signal, beforeConfirm, heldBy: guardHold, skip: (element) => !!element.closest('[data-admin-lens]') },
      );
    },
    now: () => new Date().toISOString(),
  };
  const steps = emailChangeSteps(ports);

  async function act(label: string, work: () => Promise<unknown>) {
    if (busy) return;
    busy = label;
    draw();
    try {
      await work();
    } catch (error) {
      // Another tab moved the change on, or a read failed: say so, and read the changes again.
      busy = null;
      if (panel) panel.problem = error instanceof Error ? error.message : String(error);
      await reload();
    } finally {
      busy = null;
      draw();
    }
  }

  async function reload() {
    const answer = await sendRequest({ type: 'email-change-list', orgUrl });
    changes = answer.changes;
    if (panel?.change) panel.change = changes.find((change) => change.id === panel!.change!.id) ?? panel.change;
    draw();
  }

  /** Whenever the page has fresh data: each waiting change is re-read (pending, joined, active). */
  let observing = false;
  async function observeAll(snapshot: OrgSnapshot) {
    if (observing || busy) return;
    observing = true;
    try {
      for (const change of changes.filter((candidate) => candidate.step.kind === 'waiting' || candidate.step.kind === 'inviting' || candidate.step.kind === 'removing')) {
        const latest = changes.find((candidate) => candidate.id === change.id) ?? change;
        // A waiting change is judged on this read; one caught mid-step is settled from a fresh one.
        await steps.observe(latest, latest.step.kind === 'waiting' ? snapshot : undefined).catch((error: unknown) => console.warn('[Admin Lens] email change: could not re-read', error));
      }
    } finally {
      observing = false;
    }
  }

  function drawList() {
    const open = changes.filter((change) => !isFinished(change));
    const anchor = context.listAnchor();
    if (open.length === 0 || !anchor) {
      if (listHost) render(null, listHost.mount);
      listHost?.host.remove();
      listHost = null;
      return;
    }
    if (!listHost) listHost = shadowHost('admin-lens-email-changes');
    if (listHost.host.previousElementSibling !== anchor) anchor.after(listHost.host);
    render(
      <section class="al-ec-list" aria-label={t('ecListLabel')}>
        <h2>{t('ecListHeading', { count: open.length })}</h2>
        <ul>
          {open.map((change) => (
            <li key={change.id}>
              <span>
                {change.old.email} → {change.newEmail}: {stepWords(change)}
              </span>
              <button type="button" onClick={() => openPanel(change.old.email)}>
                {t('ecListOpen')}
              </button>
            </li>
          ))}
        </ul>
      </section>,
      listHost.mount,
    );
  }

  function panelProps(): EmailChangePanelProps | null {
    if (!panel) return null;
    const snapshot = snapshotNow();
    const change = panel.change;
    const plan = change?.plan ?? panel.plan;
    const old = change?.old ?? snapshot?.members.find((member) => member.email.toLowerCase() === panel!.oldEmail.toLowerCase());
    const check = !change && plan && snapshot && panel.draftEmail.trim() !== '' ? checkNewAddress(snapshot, plan, panel.draftEmail) : null;
    const errors = panel.problem ? [panel.problem] : check && !check.ok ? check.errors : [];
    // Nothing is sent while a piece that was not readable is undecided (filled in, or left empty on purpose).
    const undecided = plan ? unknownPieces(plan) : [];
    return {
      titleId: `al-ec-${panel.titleId}`,
      oldName: old?.name ?? panel.oldEmail,
      oldEmail: old?.email ?? panel.oldEmail,
      draft: change
        ? null
        : {
            email: panel.draftEmail,
            errors: plan ? errors : [t('ecPlanning')],
            warnings: check?.ok ? check.warnings : [],
            undecided: undecided.length ? t('ecDecideFirst', { pieces: pieceList(undecided) }) : null,
            canStart: !!check?.ok && undecided.length === 0,
          },
      plan: plan ? planLines(plan, snapshot, !change) : [],
      status: change ? { newEmail: change.newEmail, step: stepWords(change), detail: panel.problem, report: reportLines(change), finished: isFinished(change) } : null,
      actions: change ? actionsFor(change) : [],
      busy,
      onEmail(email) {
        if (!panel) return;
        panel.draftEmail = email;
        panel.problem = null;
        draw();
      },
      onFill(piece, action) {
        if (!panel?.plan) return;
        panel.plan = applyFill(panel.plan, piece, action);
        draw();
      },
      onStart: () => void startChange(),
      onAction(action) {
        const current = panel?.change;
        if (!current) return;
        if (action === 'invite') void act(t('ecBusyInvite'), () => steps.invite(current));
        if (action === 'check') void act(t('ecBusyCheck'), () => steps.observe(current));
        if (action === 'remove') void act(t('ecBusyRemove'), () => steps.remove(current));
        if (action === 'cancel') void act(t('ecBusyCancel'), () => steps.cancel(current));
      },
      onClose: closePanel,
    };
  }

  async function startChange() {
    const snapshot = snapshotNow();
    if (!panel || !panel.plan || !snapshot) return;
    const check = checkNewAddress(snapshot, panel.plan, panel.draftEmail);
    const old = snapshot.members.find((member) => member.email.toLowerCase() === panel!.oldEmail.toLowerCase());
    if (!check.ok || !old || unknownPieces(panel.plan).length > 0) return;
    const plan = panel.plan;
    await act(t('ecBusyInvite'), async () => {
      const content = await reads.content(old.email);
      const change = createEmailChange({ id: crypto.randomUUID(), orgUrl, now: new Date().toISOString(), old: { id: old.id, email: old.email, name: old.name }, newEmail: check.email, plan, before: accessBeforeOf(snapshot, old.id, content) });
      // Stored before anything is sent.
      await ports.save(change);
      panel!.change = change;
      await steps.invite(change);
    });
  }

  function drawPanel() {
    const props = panelProps();
    if (!props) {
      if (panelHost) render(null, panelHost.mount);
      panelHost?.host.remove();
      panelHost = null;
      return;
    }
    if (!panelHost) {
      panelHost = shadowHost('admin-lens-email-change');
      document.body.append(panelHost.host);
    }
    render(<EmailChangePanel {...props} />, panelHost.mount);
  }

  function draw() {
    if (signal.aborted) return;
    drawList();
    drawPanel();
  }

  let panels = 0;
  function openPanel(email: string) {
    const existing = changes.find((change) => !isFinished(change) && change.old.email.toLowerCase() === email.toLowerCase());
    panel = { change: existing ?? null, oldEmail: email, draftEmail: '', plan: null, problem: null, titleId: String(++panels), returnFocus: document.activeElement };
    draw();
    if (existing) return;
    const snapshot = snapshotNow();
    const old = snapshot?.members.find((member) => member.email.toLowerCase() === email.toLowerCase());
    if (!snapshot || !old) {
      panel.problem = t('ecNoData');
      return draw();
    }
    const planned = (defaultProjectId: string | null | undefined) => {
      const result = planEmailChange(snapshot, old.id, defaultProjectId === undefined ? {} : { defaultProjectId });
      if (!panel || panel.change) return;
      if (result.ok) panel.plan = result.plan;
      else panel.problem = t(result.problem === 'pending' ? 'ecPlanPending' : 'ecPlanUnknown');
      draw();
    };
    reads.defaultProject(old.email).then(planned, () => planned(undefined));
  }

  function closePanel() {
    const back = panel?.returnFocus;
    panel = null;
    draw();
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  }

  const unsubscribe = orgData.subscribe((state) => {
    if (state.status === 'ready' && state.snapshot && !state.fromCache) void observeAll(state.snapshot);
    draw();
  });
  signal.addEventListener(
    'abort',
    () => {
      unsubscribe();
      if (listHost) render(null, listHost.mount);
      if (panelHost) render(null, panelHost.mount);
      listHost?.host.remove();
      panelHost?.host.remove();
    },
    { once: true },
  );
  void reload().then(() => {
    const snapshot = orgData.get().snapshot;
    if (snapshot && !orgData.get().fromCache) void observeAll(snapshot);
  });

  return { open: openPanel };
}
