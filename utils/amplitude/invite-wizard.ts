/**
 * Drives the console's own "Invite New Users" wizard for one batch, the way an admin would: open
 * it, chip the emails, pick a team per email, tick the groups, set the access, the default project
 * and the spaces, check that the review shows exactly this batch, Send, and read the answer.
 * Every action is followed by a check that it took effect; a landmark that does not show up stops
 * the batch with its name (WizardError), and the wizard is closed again so the page is left as found.
 *
 * Amplitude knowledge, all of it here. Evidence: the steps and their order, a team per email,
 * "Select Groups" (orgs with groups), "Assign Access", default project and team spaces, review and
 * Send are [doc] (console-reference.md §Invite). Every accessible name, step title and message text
 * below is [guess], as the console double renders them (test/console/app/README.md §Landmarks).
 */
import { accessibleName } from './remove-dialog';
import { findInviteButton, INVITE_BUTTON_TEXT } from './bulk-invite-anchor';
import { t } from '../i18n';
import { findInviteWizard, findWizardStep, WIZARD } from './invite-wizard-names';

export { WIZARD };

export interface WizardInvite {
  email: string;
  /** The team's name, or null when the org has no teams. */
  team: string | null;
}

/** One batch, by the names the console shows. */
export interface WizardBatch {
  invites: WizardInvite[];
  groups: string[];
  /** Project-level orgs: a role label per project ("Viewer", "Member", …). */
  projects: { project: string; role: string }[];
  /** Org-level orgs: the role label for every project; null in project-level orgs. */
  orgRole: string | null;
  defaultProject: string | null;
  teamSpaces: string[];
}

export type WizardOutcome = { ok: true; toast: string | null } | { ok: false; reason: string; aborted?: boolean };

/** A step that did not take effect, or a landmark that is not there: what and which. */
export class WizardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WizardError';
  }
}

export interface WizardOptions {
  signal?: AbortSignal;
  /** Awaited just before Send; false closes the wizard without sending (outcome `aborted`). */
  beforeSend?: () => Promise<boolean>;
  /** How long a landmark may take to appear (ms). */
  timeoutMs?: number;
  /** How long the console may take to answer Send (ms). */
  sendTimeoutMs?: number;
  document?: Document;
}

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** An element's text with its children's texts apart ("Nothing was sent." + "<reason>", not glued). */
const blockText = (element: Element) => [...element.childNodes].map((child) => text(child)).filter(Boolean).join(' ');

/** Text as shown, without aria-hidden decorations (chevrons, check marks, details). */
function visibleText(element: Element): string {
  let out = '';
  const walk = (node: Node) => {
    if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return;
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent ?? '';
    node.childNodes.forEach(walk);
  };
  walk(element);
  return out.replace(/\s+/g, ' ').trim();
}

const optionName = (option: Element): string => option.getAttribute('aria-label')?.trim() || visibleText(option);

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button, [role="button"]',
  textbox: 'input:not([type]), input[type="text"], input[type="email"], textarea, [role="textbox"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  combobox: '[role="combobox"], select',
  listbox: '[role="listbox"]',
  option: '[role="option"]',
  list: 'ul, ol, [role="list"]',
  listitem: 'li, [role="listitem"]',
  alert: '[role="alert"]',
  status: '[role="status"]',
};

function byRole(root: ParentNode, role: keyof typeof ROLE_SELECTORS, name?: string | RegExp): HTMLElement[] {
  const all = [...root.querySelectorAll<HTMLElement>(ROLE_SELECTORS[role]!)];
  if (name === undefined) return all;
  return all.filter((element) => {
    const accessible = accessibleName(element);
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

function click(element: HTMLElement) {
  element.scrollIntoView?.({ block: 'nearest' });
  element.click();
}

function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.focus();
  // From the isolated world a plain assignment and a bubbling input event reach React's onChange.
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function press(element: HTMLElement, key: string) {
  element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

/** One batch through the wizard. Never throws: the outcome says what happened. */
export async function sendThroughWizard(batch: WizardBatch, options: WizardOptions = {}): Promise<WizardOutcome> {
  const doc = options.document ?? document;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const signal = options.signal;

  /** Resolves at the page's next DOM change (React commits a moment after our event), or after `ms`. */
  const nextChange = (ms: number) =>
    new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => done());
      const timer = setTimeout(() => done(), ms);
      function done() {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
      observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    });

  async function waitFor<T>(probe: () => T | null | undefined | false, what: string, ms = timeoutMs): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = probe();
      if (found) return found;
      if (Date.now() > deadline) throw new WizardError(what);
      await nextChange(50);
    }
  }

  const dialog = () => findInviteWizard(doc);
  const inDialog = <T>(probe: (root: HTMLElement) => T | null | undefined | false) => () => {
    const root = dialog();
    return root ? probe(root) : null;
  };

  const currentStep = (root: HTMLElement): string | null => findWizardStep(root);

  async function reachStep(title: string) {
    await waitFor(inDialog((root) => currentStep(root) === title), t('wizStepNotReached', { step: title, heading: `Step i of n: ${title}` }));
  }

  async function next(from: string) {
    const button = await waitFor(inDialog((root) => byRole(root, 'button', WIZARD.next)[0]), t('wizNoButtonOnStep', { button: WIZARD.next, step: from }));
    await waitFor(() => !(button as HTMLButtonElement).disabled && button.getAttribute('aria-disabled') !== 'true', t('wizButtonDisabled', { button: WIZARD.next, step: from }));
    click(button);
    await waitFor(inDialog((root) => currentStep(root) !== from), t('wizStepNotLeft', { step: from, button: WIZARD.next }));
  }

  /**
   * Picks an option of a single-choice combobox, then checks it took effect: by default the
   * combobox shows the option; `tookEffect` for pickers that add something instead (Add project).
   */
  async function pick(comboName: string, optionLabel: string, tookEffect?: () => boolean) {
    const combo = await waitFor(inDialog((root) => byRole(root, 'combobox', comboName)[0]), t('wizNoDropdown', { dropdown: comboName }));
    const shows = () => visibleText(combo) === optionLabel;
    if (!tookEffect && shows()) return;
    const listbox = await openList(combo, comboName);
    const option = byRole(listbox, 'option').find((candidate) => optionName(candidate) === optionLabel);
    if (!option || option.getAttribute('aria-disabled') === 'true') {
      click(combo); // close the list again
      throw new WizardError(
        !option
          ? t('wizNotAChoice', { option: optionLabel, dropdown: comboName })
          : option.title
            ? t('wizCannotChooseWhy', { option: optionLabel, dropdown: comboName, why: option.title })
            : t('wizCannotChoose', { option: optionLabel, dropdown: comboName }),
      );
    }
    click(option);
    await waitFor(tookEffect ?? shows, t('wizChoiceNoEffect', { option: optionLabel, dropdown: comboName }));
    if (combo.isConnected && combo.getAttribute('aria-expanded') === 'true') click(combo);
  }

  async function openList(combo: HTMLElement, comboName: string): Promise<HTMLElement> {
    if (combo.getAttribute('aria-expanded') !== 'true') click(combo);
    return waitFor(() => {
      const id = combo.getAttribute('aria-controls');
      const byId = id ? doc.getElementById(id) : null;
      return byId ?? byRole(doc, 'listbox', comboName)[0] ?? null;
    }, t('wizListNotOpen', { dropdown: comboName }));
  }

  /** Ticks options of a multiple-choice combobox (toggling only what is not chosen yet). */
  async function pickSeveral(comboName: string, labels: readonly string[]) {
    if (labels.length === 0) return;
    const combo = await waitFor(inDialog((root) => byRole(root, 'combobox', comboName)[0]), t('wizNoDropdown', { dropdown: comboName }));
    const listbox = await openList(combo, comboName);
    for (const label of labels) {
      const option = () => byRole(listbox, 'option').find((candidate) => optionName(candidate) === label) ?? null;
      const found = option();
      if (!found) {
        click(combo);
        throw new WizardError(t('wizNotAChoice', { option: label, dropdown: comboName }));
      }
      if (found.getAttribute('aria-selected') !== 'true') click(found);
      await waitFor(() => option()?.getAttribute('aria-selected') === 'true', t('wizChoiceNoEffect', { option: label, dropdown: comboName }));
    }
    click(combo);
    await waitFor(() => combo.getAttribute('aria-expanded') !== 'true', t('wizListNotClosed', { dropdown: comboName }));
  }

  async function closeWizard() {
    const root = dialog();
    if (!root) return;
    const close = byRole(root, 'button', WIZARD.close)[0];
    if (close) click(close);
    else press(root, 'Escape');
    await waitFor(() => !dialog(), t('wizNotClosed'), 3_000).catch(() => undefined);
  }

  const aborted = (): WizardOutcome => ({ ok: false, reason: t('wizCancelled', { send: WIZARD.send }), aborted: true });

  try {
    // The last batch's wizard may still be fading out; one left open (by hand, or by a batch
    // that failed) would mix two invites: close it.
    if (dialog()) await waitFor(() => !dialog(), 'fading', 1_000).catch(() => closeWizard());
    if (dialog()) throw new WizardError(t('wizAlreadyOpen', { dialog: WIZARD.dialog }));
    const opener = findInviteButton(doc);
    if (!opener) throw new WizardError(t('wizNoOpener', { button: INVITE_BUTTON_TEXT }));
    click(opener);
    await waitFor(dialog, t('wizDialogNotOpen', { dialog: WIZARD.dialog }));

    // Step 1: emails and a team per email.
    await reachStep(WIZARD.steps.emails);
    const input = await waitFor(inDialog((root) => byRole(root, 'textbox', WIZARD.emailInput)[0] as HTMLInputElement | undefined), t('wizNoField', { field: WIZARD.emailInput }));
    typeInto(input, batch.invites.map((invite) => invite.email).join(', '));
    press(input, 'Enter');
    const wanted = batch.invites.map((invite) => invite.email.trim().toLowerCase());
    await waitFor(
      inDialog((root) => {
        const chips = byRole(root, 'list', WIZARD.emailChips)[0];
        if (!chips) return false;
        const chipped = byRole(chips, 'listitem').map((item) => text(item).toLowerCase());
        return wanted.every((email) => chipped.some((chip) => chip.startsWith(email)));
      }),
      (() => {
        const alert = dialog() && byRole(dialog()!, 'alert')[0];
        return alert ? t('wizEmailsNotShownSays', { list: WIZARD.emailChips, alert: text(alert) }) : t('wizEmailsNotShown', { list: WIZARD.emailChips });
      })(),
    ).catch((error: unknown) => {
      const alert = dialog() && byRole(dialog()!, 'alert')[0];
      throw alert ? new WizardError(t('wizEmailsRefused', { alert: text(alert) })) : error;
    });
    for (const invite of batch.invites) {
      if (invite.team) await pick(WIZARD.teamFor(invite.email.trim().toLowerCase()), invite.team);
    }
    await next(WIZARD.steps.emails);

    // Step 2 (orgs with groups): tick the groups.
    const afterEmails = currentStep(dialog()!);
    if (afterEmails === WIZARD.steps.groups) {
      for (const group of batch.groups) {
        const box = await waitFor(
          inDialog((root) => byRole(root, 'checkbox', group)[0] as HTMLInputElement | undefined),
          t('wizNoGroupBox', { group, step: WIZARD.steps.groups }),
        );
        if (!box.checked) click(box);
        await waitFor(() => box.isConnected && box.checked, t('wizGroupNoEffect', { group }));
      }
      await next(WIZARD.steps.groups);
    } else if (batch.groups.length > 0) {
      throw new WizardError(t('wizNoGroupsStep', { step: WIZARD.steps.groups, groups: batch.groups.map((g) => `"${g}"`).join(', ') }));
    }

    // Step 3: access.
    await reachStep(WIZARD.steps.access);
    const orgLevel = byRole(dialog()!, 'combobox', WIZARD.orgLevelRole)[0];
    if (orgLevel) {
      if (batch.orgRole) await pick(WIZARD.orgLevelRole, batch.orgRole);
    } else {
      if (batch.orgRole && batch.orgRole !== 'User') {
        throw new WizardError(t('wizNoRoleDropdown', { dropdown: WIZARD.orgLevelRole, role: batch.orgRole }));
      }
      for (const grant of batch.projects) {
        const roleCombo = () => byRole(dialog() ?? doc, 'combobox', WIZARD.roleFor(grant.project)).length > 0;
        if (!roleCombo()) await pick(WIZARD.addProject, grant.project, roleCombo);
        await pick(WIZARD.roleFor(grant.project), grant.role);
      }
    }
    await next(WIZARD.steps.access);

    // Step 4: default project and team spaces.
    await reachStep(WIZARD.steps.defaults);
    if (batch.defaultProject) await pick(WIZARD.defaultProject, batch.defaultProject);
    await pickSeveral(WIZARD.teamSpaces, batch.teamSpaces);
    await next(WIZARD.steps.defaults);

    // Review: exactly this batch, nobody else.
    await reachStep(WIZARD.steps.review);
    const expected = batch.invites.map((invite) => WIZARD.reviewLine(invite.email.trim().toLowerCase(), invite.team)).sort();
    const shown = await waitFor(
      inDialog((root) => {
        const list = byRole(root, 'list', WIZARD.reviewUsers)[0];
        return list ? byRole(list, 'listitem').map((item) => text(item)) : null;
      }),
      t('wizNoReviewList', { list: WIZARD.reviewUsers }),
    );
    const shownSorted = shown.map((line) => line.toLowerCase()).sort();
    if (JSON.stringify(shownSorted) !== JSON.stringify(expected.map((line) => line.toLowerCase()))) {
      throw new WizardError(t('wizReviewMismatch', { expected: expected.length, shown: shown.length, lines: shown.join('; ') }));
    }

    if (signal?.aborted || (options.beforeSend && !(await options.beforeSend()))) {
      await closeWizard();
      return { ok: false, reason: t('wizHeld', { send: WIZARD.send }), aborted: true };
    }
    const sendButton = await waitFor(inDialog((root) => byRole(root, 'button', WIZARD.send)[0]), t('wizNoButton', { button: WIZARD.send }));
    const toastsBefore = new Set(byRole(doc, 'status'));
    click(sendButton);

    // The answer: the wizard closes (sent), or says nothing was sent and why.
    const sentToast = () => byRole(doc, 'status').find((status) => !toastsBefore.has(status) && WIZARD.sentToast.test(text(status)));
    let sawBusy = false;
    const answer = await waitFor(
      () => {
        const root = dialog();
        if (!root) return { sent: true as const };
        const refusal = byRole(root, 'alert').find((alert) => text(alert).startsWith(WIZARD.refused));
        if (refusal) return { sent: false as const, reason: blockText(refusal) };
        // Sent: a new success message, the wizard gone (it fades out for a moment), or its Send
        // button back from busy with no refusal (the wizard is on its way out).
        const busy = (sendButton as HTMLButtonElement).disabled || sendButton.getAttribute('aria-disabled') === 'true';
        if (busy) sawBusy = true;
        return sentToast() || (sawBusy && !busy) ? { sent: true as const } : null;
      },
      t('wizNoAnswer', { button: WIZARD.send }),
      options.sendTimeoutMs ?? 60_000,
    );
    if (!answer.sent) {
      await closeWizard();
      return { ok: false, reason: answer.reason };
    }
    const toast = sentToast();
    return { ok: true, toast: toast ? text(toast) : null };
  } catch (error) {
    await closeWizard();
    if (signal?.aborted) return aborted();
    const reason = error instanceof WizardError ? error.message : t('wizUnexpected', { error: error instanceof Error ? error.message : String(error) });
    return { ok: false, reason };
  }
}
