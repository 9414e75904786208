/**
 * Drives the console's own "Remove Members?" flow for one person, or a group of people with one
 * content recipient, the way an admin would: select their rows in the Users list, press the bulk
 * "Remove", tick the transfer checkbox, choose the recipient in the picker, check that the dialog
 * shows exactly those people, the checkbox and the recipient, then confirm and read the answer.
 * Every action is followed by a check that it took effect; whatever cannot be found or read stops
 * before the confirm with its name, and the dialog and selection we made are undone.
 *
 * The dialog is read with the removal guard's own reader (remove-dialog.ts), so what this driver
 * verifies is exactly what the guard judges; a removal with a transfer to an active recipient is one
 * the guard finds safe and lets through (it records it in the audit log and presses the console's
 * confirm itself). Names are compared by meaning (names.ts).
 *
 * Amplitude knowledge, all [guess] beyond remove-dialog.ts and users-table.ts:
 * - the bulk toolbar's button to remove the selected rows is named "Remove";
 * - the Users list pages with buttons "Previous" and "Next", and keeps the selection across pages;
 * - the recipient picker searches as one types (a name or an email) and lists options that show the
 *   person's name and email; it offers only people active in the last 30 days [doc: the rule].
 */
import { accessibleName, BUTTON_SELECTOR, CHECKBOX_SELECTOR, collapse, DIALOG_SELECTOR, isChecked, isDisabled, sameName, textOf } from './names';
import { emailsIn } from './emails';
import { findMembersHeading } from './page';
import { findRemoveDialogs, readRemoveDialog, removeDialogParts, TRANSFER_RECIPIENT_NAME, type RemoveDialogReading } from './remove-dialog';
import { indexPeople, type Person } from './row-identity';
import { findUsersArea, findUsersLists, readRow, USERS_VIEW_NAMES, usersListLoading, usersView, type Skip, type UsersView } from './users-table';
import { t } from '../i18n';
import { domWaiter } from './dom-wait';

/** [guess] Names of the parts this driver presses besides the dialog's own. */
export const REMOVE_FLOW = {
  removeSelected: 'Remove',
  previousPage: 'Previous',
  nextPage: 'Next',
  cancel: 'Cancel',
} as const;

export interface RemovalPerson {
  email: string;
  name: string;
}

/** One dialog's worth: these people, their content to `recipient` (null: no transfer). */
export interface RemovalOrder {
  people: RemovalPerson[];
  recipient: RemovalPerson | null;
  /** Which view of the Users list shows them: pending people are revoked from "Pending Users". */
  view: UsersView;
}

export type RemovalResult =
  /** The console took it: the dialog closed after the confirm. The caller checks the data. */
  | { kind: 'done' }
  /** The console (or its picker) said no, with its own words; nothing was removed. */
  | { kind: 'refused'; reason: string; confirmed: boolean }
  /**
   * Something could not be found, read or done. `confirmed`: the confirm was pressed, so only the
   * data can tell what happened. `unanswered`: the dialog went with the Members page (the admin
   * left it) after the confirm, before any answer: the console may still act, or never will.
   */
  | { kind: 'failed'; reason: string; confirmed: boolean; aborted?: boolean; unanswered?: boolean };

export interface RemovalOptions {
  /** Everyone in the org: a row or dialog entry that shows no email is matched by a name only one member has. */
  orgPeople: readonly Person[];
  /** Stops before the confirm (the run is paused or cancelled); once pressed, the answer is awaited. */
  signal?: AbortSignal;
  /** Awaited just before the confirm (the caller saves its state); false closes the dialog without removing. */
  beforeConfirm?: () => Promise<boolean>;
  /** After the confirm, a hold of ours on the dialog (the removal guard's panel), in words; null while none. */
  heldBy?: (dialog: HTMLElement) => string | null;
  /** Nodes we inserted in the page (badges): never part of a row's person. */
  skip?: Skip;
  timeoutMs?: number;
  /** How long the console may take to answer the confirm (the guard reads the org first). */
  confirmTimeoutMs?: number;
  document?: Document;
}

/** A step that did not take effect, or a part that is not there: what and which. */
class DriverError extends Error {
  constructor(
    message: string,
    readonly refusal = false,
  ) {
    super(message);
  }
}

const LIST_ITEM_TEXT = (element: Element): string => {
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return collapse(parts.join(' '));
};

/** A pointer's click: down, up, then the element's own click. */
function click(element: HTMLElement) {
  element.scrollIntoView?.({ block: 'nearest' });
  const init = { bubbles: true, cancelable: true, composed: true, button: 0 };
  if (typeof PointerEvent === 'function') element.dispatchEvent(new PointerEvent('pointerdown', { ...init, isPrimary: true }));
  element.dispatchEvent(new MouseEvent('mousedown', init));
  if (typeof PointerEvent === 'function') element.dispatchEvent(new PointerEvent('pointerup', { ...init, isPrimary: true }));
  element.dispatchEvent(new MouseEvent('mouseup', init));
  element.click();
}

function typeInto(input: HTMLInputElement, value: string) {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** How long the picker's list must stay empty (not loading) before it counts as its answer. */
const PICKER_SETTLE_MS = 600;
/** How long a list that changed must stay as it is, not busy, before it counts as loaded. */
const LIST_SETTLE_MS = 400;

const lower = (email: string) => email.trim().toLowerCase();

/**
 * Whether a dialog entry or row (its emails and names) is `person`: by email when it shows any,
 * else by a name that only this person has in the org (never a guess between namesakes).
 */
export function showsPerson(shown: { emails: readonly string[]; names: readonly string[] }, person: RemovalPerson, namedInOrg: (name: string) => number): boolean {
  if (shown.emails.length > 0) return shown.emails.includes(lower(person.email)) && shown.emails.length === 1;
  return shown.names.some((name) => sameName(name, person.name)) && namedInOrg(person.name) === 1;
}

/**
 * What is wrong with the dialog before confirming `order`, in words; null when it shows exactly
 * those people (each once), the transfer checkbox as it must be and the recipient chosen.
 */
export function dialogMismatch(reading: RemoveDialogReading, order: RemovalOrder, namedInOrg: (name: string) => number): string | null {
  const missing = order.recipient ? reading.missing : reading.missing.filter((what) => !what.includes(TRANSFER_RECIPIENT_NAME));
  if (missing.length > 0) return t('rmdCannotRead', { what: missing.join('; ') });
  const unmatched = [...order.people];
  const strangers: string[] = [];
  for (const listed of reading.people) {
    const index = unmatched.findIndex((person) => showsPerson({ emails: listed.emails, names: [listed.name] }, person, namedInOrg));
    if (index < 0) strangers.push(listed.emails[0] ?? listed.name);
    else unmatched.splice(index, 1);
  }
  if (strangers.length > 0 || unmatched.length > 0) {
    return t('rmdPeopleMismatch', { expected: order.people.length, shown: reading.people.map((person) => person.emails[0] ?? person.name).join('; ') || '—' });
  }
  if (reading.transfer !== (order.recipient !== null)) return order.recipient ? t('rmdTransferNotTicked') : t('rmdTransferTicked');
  if (order.recipient) {
    const text = reading.recipientText;
    const chosen = sameName(text, order.recipient.name) || emailsIn(text).includes(lower(order.recipient.email));
    if (!chosen) return t('rmdRecipientNotChosen', { recipient: order.recipient.email, shown: text || '—' });
  }
  return null;
}

/** One order through the console's removal flow. Never throws: the result says what happened. */
export async function removeThroughConsole(order: RemovalOrder, options: RemovalOptions): Promise<RemovalResult> {
  const doc = options.document ?? document;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const skip: Skip = options.skip ?? (() => false);
  const people = indexPeople(options.orgPeople);
  const namedInOrg = (name: string) => people.named(name).length;
  let confirmed = false;
  const stopped = () => !confirmed && !!options.signal?.aborted;

  const waitFor = domWaiter(doc, { timeoutMs, stopped, cancelled: () => new DriverError(t('rmdCancelled')), missing: (what) => new DriverError(what) });

  // ---- The Users list ----

  const area = () => {
    const heading = findMembersHeading(doc);
    return heading ? findUsersArea(heading, doc) : null;
  };
  /** The rows of the list shown now (the first list: the console shows one view at a time). */
  const rows = (): Element[] => {
    const where = area();
    return where ? (findUsersLists(where, skip)[0]?.rows ?? []) : [];
  };
  const boxOf = (row: Element) => [...row.querySelectorAll<HTMLElement>(CHECKBOX_SELECTOR)].find((box) => !box.closest(DIALOG_SELECTOR)) ?? null;
  const rowPerson = (row: Element): RemovalPerson | null => {
    const reading = readRow(row, skip);
    return order.people.find((person) => showsPerson({ emails: reading.emails, names: reading.names }, person, namedInOrg)) ?? null;
  };
  /** Who the list shows (without our own nodes): changes when another page or view is shown. */
  const listText = () => rows().map((row) => readRow(row, skip).texts.join('|')).join('\n');
  const buttonNamed = (name: string) => () => {
    const where = area();
    if (!where) return null;
    return (
      [...where.querySelectorAll<HTMLElement>(BUTTON_SELECTOR)].find(
        (button) => sameName(accessibleName(button), name) && !button.closest(DIALOG_SELECTOR) && !button.closest('tr, [role="row"]') && !skip(button),
      ) ?? null
    );
  };

  /**
   * Waits for the list to show other people than `before`, loaded: not busy, and unchanged for a
   * moment (a console may first draw the old rows in the new layout, then mark itself busy, then
   * load [the double does]). `also`: what else must hold (the view the list says it is).
   */
  async function listChanged(before: string, what: string, also: () => boolean = () => true) {
    let seen = before;
    let since = Date.now();
    await waitFor(() => {
      const now = listText();
      if (now !== seen) {
        seen = now;
        since = Date.now();
      }
      return rows().length > 0 && now !== before && !busy() && also() && Date.now() - since >= LIST_SETTLE_MS;
    }, what);
  }

  /** Presses a paging button and waits for another page; false when there is none. */
  async function turnPage(name: string): Promise<boolean> {
    const button = buttonNamed(name)();
    if (!button || isDisabled(button)) return false;
    const before = listText();
    click(button);
    await listChanged(before, t('rmdPageNotTurned', { button: name }));
    return true;
  }

  /** Which view the list shown is, by its evidence (its name, the pressed control, the address); null: unknown. */
  const shownView = (): UsersView | null => {
    const where = area();
    const list = where ? findUsersLists(where, skip)[0] : undefined;
    return where && list ? usersView(list.element, where, doc.location?.href ?? '').view : null;
  };
  /** The list is loading (users-table.ts: aria-busy, or a "Loading…" shown beside it). */
  const busy = () => {
    const where = area();
    return !!where && usersListLoading(where, findUsersLists(where, skip)[0]?.element ?? null, skip);
  };

  async function showView(view: UsersView) {
    const control = buttonNamed(USERS_VIEW_NAMES[view])();
    // No view control: the list shown is the only one there is.
    if (!control || shownView() === view) return;
    const before = listText();
    click(control);
    await listChanged(before, t('rmdViewNotShown', { view: USERS_VIEW_NAMES[view] }), () => {
      const evidence = shownView();
      return evidence === null || evidence === view;
    });
  }

  const ticked = new Set<string>();
  /** On the page shown: ticks our people, unticks anyone else; which of ours were seen. */
  async function tickPage(found: Set<string>) {
    for (const row of rows()) {
      const box = boxOf(row);
      if (!box) continue;
      const person = rowPerson(row);
      const want = person !== null;
      if (person) found.add(lower(person.email));
      if (isChecked(box) !== want) {
        click(box);
        await waitFor(() => !box.isConnected || isChecked(box) === want, t('rmdRowNotSelected', { who: person?.email ?? textOf(row) }));
      }
      if (person) ticked.add(lower(person.email));
    }
  }

  async function selectPeople() {
    await showView(order.view);
    await waitFor(() => rows().length > 0 && !busy(), t('rmdNoUsersList'));
    const found = new Set<string>();
    await tickPage(found);
    if (found.size < order.people.length) {
      // Back to the first page, then every page forward (the selection stays across pages [guess]).
      for (let guard = 0; guard < 500 && (await turnPage(REMOVE_FLOW.previousPage)); guard++);
      for (let guard = 0; guard < 500; guard++) {
        await tickPage(found);
        if (found.size >= order.people.length || !(await turnPage(REMOVE_FLOW.nextPage))) break;
      }
    }
    const notFound = order.people.filter((person) => !found.has(lower(person.email)));
    if (notFound.length > 0) throw new DriverError(t('rmdNotInList', { emails: notFound.map((person) => person.email).join(', ') }));
  }

  /** Unticks the rows we ticked that are still shown (after a failure: the page as found). */
  async function unselect() {
    for (const row of rows()) {
      const box = boxOf(row);
      const person = rowPerson(row);
      if (box && person && ticked.has(lower(person.email)) && isChecked(box)) click(box);
    }
  }

  // ---- The dialog ----

  const dialog = () => {
    const open = findRemoveDialogs(doc);
    return open.length === 1 ? open[0]! : null;
  };

  async function chooseRecipient(recipient: RemovalPerson) {
    const root = dialog();
    const box = root && removeDialogParts(root).transferCheckbox;
    if (!box) throw new DriverError(t('rmdCannotRead', { what: t('rmdTransferBox') }));
    if (!isChecked(box)) click(box);
    await waitFor(() => box.isConnected && isChecked(box), t('rmdTransferNotTicked'));
    const combo = await waitFor(() => {
      const now = dialog();
      return now && removeDialogParts(now).recipient;
    }, t('rmdCannotRead', { what: `"${TRANSFER_RECIPIENT_NAME}"` }));
    if (combo instanceof HTMLSelectElement) {
      const option = [...combo.options].find((candidate) => emailsIn(candidate.text).includes(lower(recipient.email)) || sameName(candidate.text, recipient.name));
      if (!option || option.disabled) throw new DriverError(t('rmdRecipientNotOffered', { recipient: recipient.email, says: '—' }), true);
      combo.value = option.value;
      combo.dispatchEvent(new Event('change', { bubbles: true }));
      return;
    }
    if (!(combo instanceof HTMLInputElement)) throw new DriverError(t('rmdCannotRead', { what: `"${TRANSFER_RECIPIENT_NAME}"` }));
    typeInto(combo, recipient.email);
    const listbox = () => {
      const id = combo.getAttribute('aria-controls') ?? combo.getAttribute('aria-owns');
      return (id ? doc.getElementById(id) : null) ?? doc.querySelector<HTMLElement>('[role="listbox"]');
    };
    const offered = () => [...(listbox()?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])];
    const isRecipient = (option: HTMLElement) =>
      emailsIn(LIST_ITEM_TEXT(option)).includes(lower(recipient.email)) || (sameName(accessibleName(option), recipient.name) && namedInOrg(recipient.name) === 1);
    // The picker searches after a pause: wait for our person, or for a list that has settled
    // without them (no option, no "Loading…", for a while): the picker's words are the reason.
    let emptySince: number | null = null;
    const notOffered = () => new DriverError(t('rmdRecipientNotOffered', { recipient: recipient.email, says: textOf(listbox()) || '—' }), true);
    const option = await waitFor(() => {
      const match = offered().find(isRecipient);
      if (match) return match;
      const box = listbox();
      const settled = !!box && offered().length === 0 && textOf(box) !== '' && !/…|\.\.\./.test(textOf(box));
      emptySince = settled ? (emptySince ?? Date.now()) : null;
      if (emptySince !== null && Date.now() - emptySince > PICKER_SETTLE_MS) throw notOffered();
      return null;
    }, t('rmdRecipientNotOffered', { recipient: recipient.email, says: textOf(listbox()) || '—' })).catch((error: unknown) => {
      throw error instanceof DriverError && !stopped() ? notOffered() : error;
    });
    if (option.getAttribute('aria-disabled') === 'true') {
      throw new DriverError(t('rmdRecipientNotOffered', { recipient: recipient.email, says: option.title || textOf(option) }), true);
    }
    click(option);
    await waitFor(() => {
      const now = dialog();
      const shown = now ? readRemoveDialog(removeDialogParts(now)).recipientText : '';
      return sameName(shown, recipient.name) || emailsIn(shown).includes(lower(recipient.email));
    }, t('rmdRecipientNotChosen', { recipient: recipient.email, shown: combo.value || '—' }));
  }

  async function closeDialog() {
    const root = dialog();
    if (!root) return;
    const cancel = removeDialogParts(root).cancel;
    if (cancel && !isDisabled(cancel)) click(cancel);
    else root.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitFor(() => !dialog(), '', 3_000).catch(() => undefined);
  }

  const failed = async (reason: string, refusal: boolean, aborted?: boolean): Promise<RemovalResult> => {
    await closeDialog();
    await unselect().catch(() => undefined);
    if (refusal) return { kind: 'refused', reason, confirmed: false };
    return aborted ? { kind: 'failed', reason, confirmed: false, aborted } : { kind: 'failed', reason, confirmed: false };
  };

  try {
    if (order.people.length === 0) throw new DriverError(t('rmdNobody'));
    if (dialog() && !(await waitFor(() => !dialog(), '', 1_000).then(() => true, () => false))) throw new DriverError(t('rmdAlreadyOpen'));
    await selectPeople();
    const remove = await waitFor(() => {
      const button = buttonNamed(REMOVE_FLOW.removeSelected)();
      return button && !isDisabled(button) && button;
    }, t('rmdNoButton', { button: REMOVE_FLOW.removeSelected }));
    click(remove);
    await waitFor(() => {
      const root = dialog();
      return root && readRemoveDialog(removeDialogParts(root)).people.length > 0;
    }, t('rmdDialogNotOpen'));
    if (order.recipient) await chooseRecipient(order.recipient);

    // Exactly these people, the transfer as asked, the recipient chosen: else nothing is removed.
    const root = dialog();
    if (!root) throw new DriverError(t('rmdDialogNotOpen'));
    const mismatch = dialogMismatch(readRemoveDialog(removeDialogParts(root)), order, namedInOrg);
    if (mismatch) throw new DriverError(mismatch);
    if (options.signal?.aborted || (options.beforeConfirm && !(await options.beforeConfirm()))) return failed(t('rmdHeld'), false, true);
    const confirm = removeDialogParts(root).confirm;
    if (!confirm || isDisabled(confirm)) throw new DriverError(t('rmdNoButton', { button: 'Remove' }));
    confirmed = true;
    click(confirm);

    // The answer: the dialog closes (removed), or says why not; or our guard holds it. A dialog
    // that goes with the whole Members page was not answered: the page was left.
    const answer = await waitFor(
      () => {
        const now = dialog();
        if (!now) return area() ? { kind: 'done' as const } : { kind: 'gone' as const };
        const alert = [...now.querySelectorAll('[role="alert"]')].find((element) => !skip(element) && !element.closest('[data-admin-lens]'));
        if (alert) return { kind: 'refused' as const, reason: LIST_ITEM_TEXT(alert) };
        const held = options.heldBy?.(now);
        return held ? { kind: 'held' as const, reason: held } : null;
      },
      t('rmdNoAnswer'),
      options.confirmTimeoutMs ?? 60_000,
    );
    if (answer.kind === 'done') return { kind: 'done' };
    if (answer.kind === 'gone') return { kind: 'failed', reason: t('rmdPageLeft'), confirmed: true, unanswered: true };
    await closeDialog();
    await unselect().catch(() => undefined);
    // A refusal changes nothing [doc: the console checks before removing]; a hold never reached the console.
    return answer.kind === 'refused' ? { kind: 'refused', reason: answer.reason, confirmed: true } : { kind: 'failed', reason: answer.reason, confirmed: false };
  } catch (error) {
    if (confirmed) {
      await closeDialog();
      return { kind: 'failed', reason: error instanceof Error ? error.message : String(error), confirmed: true };
    }
    if (stopped()) return failed(t('rmdCancelled'), false, true);
    if (error instanceof DriverError) return failed(error.message, error.refusal);
    return failed(t('rmdUnexpected', { error: error instanceof Error ? error.message : String(error) }), false);
  }
}
