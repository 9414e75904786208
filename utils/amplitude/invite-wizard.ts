/**
 * Drives the console's own "Invite New Users" wizard for one batch, the way an admin would: open
 * it, chip the emails, pick a team per email, tick the groups, set the access, the default project
 * and the spaces, check that the review shows exactly this batch, Send, and read the answer.
 * Every action is followed by a check that it took effect; a landmark that does not show up stops
 * the batch with its name (WizardError) before Send, and the wizard we opened is closed again so
 * the page is left as found.
 *
 * Amplitude knowledge, all of it here and in invite-wizard-names.ts (which holds the evidence).
 * Names are compared by meaning (names.ts); names from the file (teams, groups, projects, roles,
 * spaces) exactly first, then normalised when that is unambiguous.
 * - Emails: "type an email and press Enter after each" [doc]. Other consoles chip on a comma or
 *   when the field loses focus [guess]: each email is committed with Enter, and if its chip does
 *   not appear, with a comma, then by leaving the field; the way that worked goes first next time.
 * - Clicks are a pointer's whole sequence (down, up, click): dropdowns and options of design
 *   systems often act on mousedown or pointerdown [guess].
 */
import { accessibleName, BUTTON_SELECTOR, CHECKBOX_SELECTOR, collapse, isChecked, isDisabled, nameStartsWith, normaliseName, sameName, textOf } from './names';
import { findInviteButton, INVITE_BUTTON_TEXT } from './bulk-invite-anchor';
import { t } from '../i18n';
import { findInviteWizard, findWizardButtons, findWizardStep, WIZARD_PARTS, type WizardStep } from './invite-wizard-names';
import { domWaiter } from './dom-wait';

/** The wizard's names and texts: the finders' (invite-wizard-names.ts), and the rest, all [guess] but "Team spaces"/"Default project" [doc as concepts]. */
export const WIZARD = {
  ...WIZARD_PARTS,
  emailInput: 'Email addresses',
  emailChips: 'Emails to invite',
  teamFor: (email: string) => `Team for ${email}`,
  addProject: 'Add project',
  roleFor: (project: string) => `Role for ${project}`,
  orgLevelRole: 'Role for new users',
  defaultProject: 'Default project',
  teamSpaces: 'Team spaces',
  reviewUsers: 'Users to invite',
  noTeam: 'No team',
  close: 'Close',
  cancel: 'Cancel',
  refused: 'Nothing was sent',
  /** On normalised text: "Invitations sent to 3 users". */
  sentToast: /^invitations sent to \d+ users?\b/,
} as const;

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
  /** Stops the batch before Send (cancelled, or the page is going); once Send is pressed its answer is awaited regardless. */
  signal?: AbortSignal;
  /** Awaited just before Send; false closes the wizard without sending (outcome `aborted`). */
  beforeSend?: () => Promise<boolean>;
  /** How long a landmark may take to appear (ms). */
  timeoutMs?: number;
  /** How long one way of committing an email may take to show its chip before the next is tried (ms). */
  chipTimeoutMs?: number;
  /** How long the console may take to answer Send (ms). */
  sendTimeoutMs?: number;
  document?: Document;
}

/** How an email becomes a chip, in the order tried. */
export type ChipCommit = 'enter' | 'comma' | 'blur';
const CHIP_COMMITS: readonly ChipCommit[] = ['enter', 'comma', 'blur'];

const TEXT_FIELD = 'input:not([type]), input[type="text"], input[type="email"], input[type="search"], textarea';
const COMBOBOX = '[role="combobox"], select';
const LIST_ITEM = 'li, [role="listitem"]';
const LIST = 'ul, ol, [role="list"]';
const EMAIL_TOKEN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An element's text with its descendants' texts apart ("a@b.com" + "Select team", not glued). */
function spacedText(element: Element): string {
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return collapse(parts.join(' '));
}

/** The emails written in a text, lower case ("ana@x.io — Engineering" gives ["ana@x.io"]). */
function emailsIn(text: string): string[] {
  return text
    .split(/\s+/)
    .map((token) => token.replace(/^[<(["'“]+|[>)\]"'”,;:.]+$/g, '').toLowerCase())
    .filter((token) => EMAIL_TOKEN.test(token));
}

/** Text as shown, without aria-hidden decorations (chevrons, check marks, details). */
function visibleText(element: Element): string {
  let out = '';
  const walk = (node: Node) => {
    if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return;
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent ?? '';
    node.childNodes.forEach(walk);
  };
  walk(element);
  return collapse(out);
}

const optionName = (option: Element): string => option.getAttribute('aria-label')?.trim() || visibleText(option);
const isSelected = (option: Element): boolean => option.getAttribute('aria-selected') === 'true' || option.getAttribute('aria-checked') === 'true';

/** Elements under `root` matching `selector` named `name` (normalised, case-insensitive). */
function named(root: ParentNode, selector: string, name: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((element) => sameName(accessibleName(element), name));
}

/**
 * The one candidate called `label`, a name from the file: exactly as written first, else the one
 * that reads the same normalised; null when none is, or when several are (never a guess).
 */
export function chooseByName<T>(candidates: readonly T[], label: string, nameOf: (element: T) => string): T | null {
  const exact = candidates.filter((candidate) => collapse(nameOf(candidate)) === collapse(label));
  if (exact.length > 0) return exact.length === 1 ? exact[0]! : null;
  const similar = candidates.filter((candidate) => sameName(nameOf(candidate), label));
  return similar.length === 1 ? similar[0]! : null;
}

/** A pointer's click: down, up, then the element's own click (which a disabled control ignores). */
function click(element: HTMLElement) {
  element.scrollIntoView?.({ block: 'nearest' });
  const init = { bubbles: true, cancelable: true, composed: true, button: 0 };
  if (typeof PointerEvent === 'function') element.dispatchEvent(new PointerEvent('pointerdown', { ...init, isPrimary: true }));
  element.dispatchEvent(new MouseEvent('mousedown', init));
  if (typeof PointerEvent === 'function') element.dispatchEvent(new PointerEvent('pointerup', { ...init, isPrimary: true }));
  element.dispatchEvent(new MouseEvent('mouseup', init));
  element.click();
}

function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.focus();
  // From the isolated world a plain assignment and a bubbling input event reach React's onChange.
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A key as a keyboard gives it: keydown, keypress (unless keydown was prevented), keyup. Returns whether keydown was prevented. */
function press(element: HTMLElement, key: string): boolean {
  const init = { key, code: key === 'Enter' ? 'Enter' : key === ',' ? 'Comma' : key, bubbles: true, cancelable: true, composed: true };
  const taken = !element.dispatchEvent(new KeyboardEvent('keydown', init));
  if (!taken && (key.length === 1 || key === 'Enter')) element.dispatchEvent(new KeyboardEvent('keypress', init));
  element.dispatchEvent(new KeyboardEvent('keyup', init));
  return taken;
}

/** Leaves the field, as tabbing away would; by events when the page has no focus to move. */
function leave(input: HTMLElement) {
  let left = false;
  const seen = () => (left = true);
  input.addEventListener('focusout', seen, { once: true });
  input.blur();
  input.removeEventListener('focusout', seen);
  if (left) return;
  input.dispatchEvent(new FocusEvent('blur', { bubbles: false }));
  input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
}

/**
 * A wizard that answered Sent and is still closing on its own (the console fades it out), per
 * document. Its close is not waited for by the batch that sent: the runner records that batch
 * meanwhile, and the next batch waits for the close before it opens the wizard again.
 */
const closingWizards = new WeakMap<Document, Promise<void>>();

/** One batch through the wizard. Never throws: the outcome says what happened. */
export async function sendThroughWizard(batch: WizardBatch, options: WizardOptions = {}): Promise<WizardOutcome> {
  const doc = options.document ?? document;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const chipTimeoutMs = options.chipTimeoutMs ?? 2_000;
  const signal = options.signal;
  /** Send was pressed: from then on the answer is what counts, whatever the signal says. */
  let sendPressed = false;
  const stopped = () => !sendPressed && !!signal?.aborted;

  const waitFor = domWaiter(doc, { timeoutMs, stopped, cancelled: () => new WizardError(t('wizCancelled', { send: WIZARD.send })), missing: (what) => new WizardError(what) });
  /** `waitFor` that answers false instead of failing. */
  const within = (probe: () => unknown, ms: number) => waitFor(() => !!probe(), '', ms).then(() => true, () => false);

  const dialog = () => findInviteWizard(doc);
  const inDialog = <T>(probe: (root: HTMLElement) => T | null | undefined | false) => () => {
    const root = dialog();
    return root ? probe(root) : null;
  };
  const currentStep = (): WizardStep | null => {
    const root = dialog();
    return root ? findWizardStep(root) : null;
  };
  const alertIn = (root: Element) => root.querySelector('[role="alert"]');
  /** An alert in the wizard about this email ("… is not a valid email address"). */
  const refusalOf = (root: Element, email: string) => [...root.querySelectorAll('[role="alert"]')].find((alert) => textOf(alert).toLowerCase().includes(email)) ?? null;

  async function reachStep(step: WizardStep) {
    const title = WIZARD.steps[step];
    await waitFor(() => currentStep() === step, t('wizStepNotReached', { step: title, heading: `Step i of n: ${title}` }));
  }

  /** Next, and the step it led to. */
  async function next(from: WizardStep): Promise<WizardStep> {
    const title = WIZARD.steps[from];
    const button = await waitFor(inDialog((root) => findWizardButtons(root, WIZARD.next)[0]), t('wizNoButtonOnStep', { button: WIZARD.next, step: title }));
    await waitFor(() => !isDisabled(button), t('wizButtonDisabled', { button: WIZARD.next, step: title }));
    click(button);
    return waitFor(() => {
      const step = currentStep();
      return step !== from && step;
    }, t('wizStepNotLeft', { step: title, button: WIZARD.next }));
  }

  async function openList(combo: HTMLElement, comboName: string): Promise<HTMLElement> {
    if (combo.getAttribute('aria-expanded') !== 'true') click(combo);
    return waitFor(() => {
      const id = combo.getAttribute('aria-controls') ?? combo.getAttribute('aria-owns');
      const byId = id ? doc.getElementById(id) : null;
      if (byId) return byId;
      const listboxes = [...doc.querySelectorAll<HTMLElement>('[role="listbox"]')];
      return listboxes.find((listbox) => sameName(accessibleName(listbox), comboName)) ?? (listboxes.length === 1 ? listboxes[0] : null);
    }, t('wizListNotOpen', { dropdown: comboName }));
  }

  const optionsOf = (listbox: Element) => [...listbox.querySelectorAll<HTMLElement>('[role="option"]')];

  /**
   * Picks an option of a single-choice combobox, then checks it took effect: by default the
   * combobox shows the option; `tookEffect` for pickers that add something instead (Add project).
   */
  async function pick(findCombo: () => HTMLElement | null | undefined, comboName: string, optionLabel: string, tookEffect?: () => boolean) {
    const combo = await waitFor(inDialog(() => findCombo()), t('wizNoDropdown', { dropdown: comboName }));
    if (combo instanceof HTMLSelectElement) return pickNative(combo, comboName, optionLabel);
    const shows = () => sameName(visibleText(combo), optionLabel);
    if (!tookEffect && shows()) return;
    const listbox = await openList(combo, comboName);
    const option = chooseByName(optionsOf(listbox), optionLabel, optionName);
    if (!option || isDisabled(option)) {
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

  /** A native `<select>`: its value set, and the change announced. */
  async function pickNative(select: HTMLSelectElement, comboName: string, optionLabel: string) {
    const option = chooseByName([...select.options], optionLabel, (candidate) => candidate.label || candidate.text);
    if (!option || option.disabled) throw new WizardError(option ? t('wizCannotChoose', { option: optionLabel, dropdown: comboName }) : t('wizNotAChoice', { option: optionLabel, dropdown: comboName }));
    if (select.value !== option.value) {
      select.value = option.value;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await waitFor(() => select.value === option.value, t('wizChoiceNoEffect', { option: optionLabel, dropdown: comboName }));
  }

  const comboNamed = (name: string) => () => {
    const root = dialog();
    return root ? named(root, COMBOBOX, name)[0] : null;
  };

  /** Ticks options of a multiple-choice combobox (toggling only what is not chosen yet). */
  async function pickSeveral(comboName: string, labels: readonly string[]) {
    if (labels.length === 0) return;
    const combo = await waitFor(comboNamed(comboName), t('wizNoDropdown', { dropdown: comboName }));
    const listbox = await openList(combo, comboName);
    for (const label of labels) {
      const option = () => chooseByName(optionsOf(listbox), label, optionName);
      const found = option();
      if (!found) {
        click(combo);
        throw new WizardError(t('wizNotAChoice', { option: label, dropdown: comboName }));
      }
      if (!isSelected(found)) click(found);
      await waitFor(() => {
        const now = option();
        return now && isSelected(now);
      }, t('wizChoiceNoEffect', { option: label, dropdown: comboName }));
    }
    click(combo);
    await waitFor(() => combo.getAttribute('aria-expanded') !== 'true', t('wizListNotClosed', { dropdown: comboName }));
  }

  // ---- Step 1: emails as chips ----

  /** The chips: the items of the list "Emails to invite", else every list item in the wizard that holds an email. */
  const chipItems = (root: Element): Element[] => {
    const list = named(root, LIST, WIZARD.emailChips)[0];
    return [...(list ?? root).querySelectorAll(LIST_ITEM)].filter((item) => emailsIn(spacedText(item)).length > 0);
  };
  const chipOf = (root: Element, email: string) => chipItems(root).find((item) => emailsIn(spacedText(item)).includes(email)) ?? null;
  const chipEmails = (root: Element) => chipItems(root).flatMap((item) => emailsIn(spacedText(item)));

  /** The email field: the text field named "Email addresses", else the step's only text field. */
  const emailField = (root: Element): HTMLInputElement | HTMLTextAreaElement | null => {
    const fields = [...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(TEXT_FIELD)];
    return fields.find((field) => sameName(accessibleName(field), WIZARD.emailInput)) ?? (fields.length === 1 ? fields[0]! : null);
  };

  let commitOrder: ChipCommit[] = [...CHIP_COMMITS];
  /** Commits one email, trying Enter, comma, then leaving the field, checking for its chip after each. */
  async function chipEmail(email: string) {
    for (const how of commitOrder) {
      const root = dialog();
      if (!root) throw new WizardError(t('wizDialogNotOpen', { dialog: WIZARD.dialog }));
      if (chipOf(root, email)) return;
      const input = emailField(root);
      if (!input) throw new WizardError(t('wizNoField', { field: WIZARD.emailInput }));
      if (input.value.trim().toLowerCase() !== email) typeInto(input, email);
      else input.focus();
      if (how === 'enter') press(input, 'Enter');
      else if (how === 'comma') {
        if (!press(input, ',')) {
          input.value = `${input.value},`;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      } else leave(input);
      if (await within(inDialog((now) => chipOf(now, email) || refusalOf(now, email)), chipTimeoutMs)) {
        const now = dialog();
        if (now && chipOf(now, email)) {
          commitOrder = [how, ...commitOrder.filter((other) => other !== how)];
          return;
        }
        const refusal = now && refusalOf(now, email);
        if (refusal) throw new WizardError(t('wizEmailsRefused', { alert: textOf(refusal) }));
      }
    }
    const alert = inDialog(alertIn)();
    throw new WizardError(alert ? t('wizEmailsNotShownSays', { list: WIZARD.emailChips, alert: textOf(alert) }) : t('wizEmailsNotShown', { list: WIZARD.emailChips }));
  }

  /** The team dropdown of an email: named "Team for <email>", else the one dropdown in its chip. */
  const teamCombo = (email: string) => () => {
    const root = dialog();
    if (!root) return null;
    const byName = named(root, COMBOBOX, WIZARD.teamFor(email))[0];
    if (byName) return byName;
    const inChip = chipOf(root, email)?.querySelectorAll<HTMLElement>(COMBOBOX);
    return inChip?.length === 1 ? inChip[0] : null;
  };

  // ---- Review ----

  /** The review's lines: the list "Users to invite", else the one list in the wizard whose items each hold an email. */
  const reviewLines = (root: Element): string[] | null => {
    const byName = named(root, LIST, WIZARD.reviewUsers)[0];
    const lists = byName ? [byName] : [...root.querySelectorAll(LIST)].filter((list) => {
      const items = [...list.querySelectorAll(LIST_ITEM)];
      return items.length > 0 && items.every((item) => emailsIn(spacedText(item)).length === 1);
    });
    if (lists.length !== 1) return null;
    return [...lists[0]!.querySelectorAll(LIST_ITEM)].map((item) => spacedText(item));
  };

  /** The review line says this email and this team (or "No team"), nothing else. */
  const lineShows = (line: string, invite: WizardInvite): boolean => {
    const emails = emailsIn(line);
    if (emails.length !== 1 || emails[0] !== invite.email) return false;
    const rest = normaliseName(line.toLowerCase().replace(invite.email, ' '));
    return invite.team === null ? rest === '' || rest === normaliseName(WIZARD.noTeam) : rest === normaliseName(invite.team);
  };

  // ---- Closing ----

  async function closeWizard(): Promise<boolean> {
    const ways: ((root: HTMLElement) => void)[] = [
      (root) => {
        const close = findWizardButtons(root, WIZARD.close).find((button) => !isDisabled(button));
        if (close) click(close);
      },
      (root) => press(root, 'Escape'),
      (root) => {
        const cancel = findWizardButtons(root, WIZARD.cancel).find((button) => !isDisabled(button));
        if (cancel) click(cancel);
      },
    ];
    for (const way of ways) {
      const root = dialog();
      if (!root) return true;
      way(root);
      if (await within(() => !dialog(), 1_500)) return true;
    }
    return !dialog();
  }

  const invites = batch.invites.map((invite) => ({ email: invite.email.trim().toLowerCase(), team: invite.team }));
  let opened = false;
  /** A failure's reason, saying so when the wizard we opened would not close. */
  const failed = async (reason: string, aborted?: boolean): Promise<WizardOutcome> => {
    const closed = opened ? await closeWizard() : true;
    const why = closed ? reason : `${reason} ${t('wizNotClosed')}`;
    return aborted ? { ok: false, reason: why, aborted } : { ok: false, reason: why };
  };

  try {
    // The last batch's wizard may still be closing (it then closes it, if the console does not).
    await closingWizards.get(doc);
    // Still fading out; one left open (by hand) would mix two invites: close it.
    if (dialog() && !(await within(() => !dialog(), 1_000))) await closeWizard();
    if (dialog()) throw new WizardError(t('wizAlreadyOpen', { dialog: WIZARD.dialog }));
    const opener = findInviteButton(doc);
    if (!opener) throw new WizardError(t('wizNoOpener', { button: INVITE_BUTTON_TEXT }));
    click(opener);
    opened = true;
    await waitFor(dialog, t('wizDialogNotOpen', { dialog: WIZARD.dialog }));

    // Step 1: emails and a team per email.
    await reachStep('emails');
    for (const invite of invites) await chipEmail(invite.email);
    const chipped = [...new Set(chipEmails(dialog()!))].sort();
    const wanted = invites.map((invite) => invite.email).sort();
    if (JSON.stringify(chipped) !== JSON.stringify(wanted)) {
      throw new WizardError(t('wizChipsMismatch', { list: WIZARD.emailChips, expected: wanted.length, shown: chipped.length, emails: chipped.join('; ') }));
    }
    for (const invite of invites) {
      if (invite.team) await pick(teamCombo(invite.email), WIZARD.teamFor(invite.email), invite.team);
    }
    const afterEmails = await next('emails');

    // Step 2 (orgs with groups): tick the groups.
    if (afterEmails === 'groups') {
      for (const group of batch.groups) {
        const box = await waitFor(
          inDialog((root) => chooseByName([...root.querySelectorAll<HTMLElement>(CHECKBOX_SELECTOR)], group, accessibleName)),
          t('wizNoGroupBox', { group, step: WIZARD.steps.groups }),
        );
        if (!isChecked(box)) click(box);
        await waitFor(() => box.isConnected && isChecked(box), t('wizGroupNoEffect', { group }));
      }
      await next('groups');
    } else if (batch.groups.length > 0) {
      throw new WizardError(t('wizNoGroupsStep', { step: WIZARD.steps.groups, groups: batch.groups.map((g) => `"${g}"`).join(', ') }));
    }

    // Step 3: access.
    await reachStep('access');
    if (comboNamed(WIZARD.orgLevelRole)()) {
      if (batch.orgRole) await pick(comboNamed(WIZARD.orgLevelRole), WIZARD.orgLevelRole, batch.orgRole);
    } else {
      if (batch.orgRole && !sameName(batch.orgRole, 'User')) {
        throw new WizardError(t('wizNoRoleDropdown', { dropdown: WIZARD.orgLevelRole, role: batch.orgRole }));
      }
      for (const grant of batch.projects) {
        const roleCombo = comboNamed(WIZARD.roleFor(grant.project));
        if (!roleCombo()) await pick(comboNamed(WIZARD.addProject), WIZARD.addProject, grant.project, () => !!roleCombo());
        await pick(roleCombo, WIZARD.roleFor(grant.project), grant.role);
      }
    }
    await next('access');

    // Step 4: default project and team spaces.
    await reachStep('defaults');
    if (batch.defaultProject) await pick(comboNamed(WIZARD.defaultProject), WIZARD.defaultProject, batch.defaultProject);
    await pickSeveral(WIZARD.teamSpaces, batch.teamSpaces);
    await next('defaults');

    // Review: exactly this batch, nobody else.
    await reachStep('review');
    const shown = await waitFor(inDialog(reviewLines), t('wizNoReviewList', { list: WIZARD.reviewUsers }));
    const exact = shown.length === invites.length && invites.every((invite) => shown.filter((line) => lineShows(line, invite)).length === 1);
    if (!exact) throw new WizardError(t('wizReviewMismatch', { expected: invites.length, shown: shown.length, lines: shown.join('; ') }));

    if (signal?.aborted || (options.beforeSend && !(await options.beforeSend()))) {
      return failed(t('wizHeld', { send: WIZARD.send }), true);
    }
    const sendButton = await waitFor(inDialog((root) => findWizardButtons(root, WIZARD.send)[0]), t('wizNoButton', { button: WIZARD.send }));
    await waitFor(() => !isDisabled(sendButton), t('wizButtonDisabled', { button: WIZARD.send, step: WIZARD.steps.review }));
    const statusesBefore = new Set(doc.querySelectorAll('[role="status"]'));
    sendPressed = true;
    click(sendButton);

    // The answer: the wizard closes (sent), or says nothing was sent and why.
    const sentToast = () => [...doc.querySelectorAll('[role="status"]')].find((status) => !statusesBefore.has(status) && WIZARD.sentToast.test(normaliseName(textOf(status))));
    let sawBusy = false;
    const answer = await waitFor(
      () => {
        const root = dialog();
        if (!root) return { sent: true as const };
        const refusal = [...root.querySelectorAll('[role="alert"]')].find((alert) => nameStartsWith(textOf(alert), WIZARD.refused));
        if (refusal) return { sent: false as const, reason: spacedText(refusal) };
        // Sent: a new success message, the wizard gone (it fades out for a moment), or its Send
        // button back from busy with no refusal (the wizard is on its way out).
        const busy = isDisabled(sendButton) || !sendButton.isConnected;
        if (busy) sawBusy = true;
        return sentToast() || (sawBusy && !busy) ? { sent: true as const } : null;
      },
      t('wizNoAnswer', { button: WIZARD.send }),
      options.sendTimeoutMs ?? 60_000,
    );
    if (!answer.sent) return failed(answer.reason);
    const toast = sentToast();
    // The console closes its wizard after sending; if it stays, we close what we opened. Awaited
    // by the next batch, not by this one: the fade-out overlaps with recording this batch.
    const closed = (async () => {
      if (!(await within(() => !dialog(), 3_000))) await closeWizard();
    })().catch(() => undefined);
    closingWizards.set(doc, closed);
    return { ok: true, toast: toast ? textOf(toast) : null };
  } catch (error) {
    if (stopped()) return failed(t('wizCancelled', { send: WIZARD.send }), true);
    return failed(error instanceof WizardError ? error.message : t('wizUnexpected', { error: error instanceof Error ? error.message : String(error) }));
  }
}
