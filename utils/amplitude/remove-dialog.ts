/**
 * The console's "Remove Members?" dialog, found and read by meaning: what a person sees, compared
 * case-insensitively with whitespace and punctuation normalised (names.ts). Everything the removal
 * guard knows about Amplitude's removal form is here. The guard holds whatever this module cannot
 * read, so every reader reports what it could not find instead of guessing.
 *
 * Evidence (console-reference.md, section 5):
 * - the modal's title "Remove Members?" [doc]; that it is a modal dialog (`dialog`, `role=dialog`
 *   or `role=alertdialog`), named by its title or only showing it as a heading [guess]
 * - it lists the people being removed, each with their email [guess: name over email, or
 *   "Name · email", or the email in a `title`, `aria-label` or `mailto:` link]; the list may be
 *   named "Users to remove" [guess]
 * - a checkbox to transfer content [doc]; that its label speaks of transferring [guess]
 * - the recipient picker, a combobox whose text is the chosen person's name [guess]
 * - the confirm button's name starts with "Remove" [guess]; "Cancel" [guess]
 * - dialogs are portaled to the end of <body> [guess, as every React modal library does]
 */
import {
  accessibleName,
  BUTTON_SELECTOR,
  byName,
  CHECKBOX_SELECTOR,
  collapse,
  DIALOG_SELECTOR,
  dialogTitle,
  isChecked,
  isDisabled,
  nameIncludes,
  nameStartsWith,
  normaliseName,
  sameName,
} from './names';
import { emailsIn, looksLikeEmail, mailtoAddress, withoutEmails } from './emails';

export { accessibleName } from './names';

/** [doc] The dialog's title. */
export const REMOVE_DIALOG_TITLE = 'Remove Members?';
/** [guess] The list of people in the dialog (a hint: an unnamed list is read too). */
export const USERS_TO_REMOVE_LIST_NAME = 'Users to remove';
/** [guess] The transfer checkbox's label: the documented wording, and the word any wording has. */
export const TRANSFER_CHECKBOX_LABEL = 'Transfer content to another user';
const TRANSFER_WORD = 'transfer';
/** [guess] The recipient combobox's name (a hint: the dialog's only combobox is read too). */
export const TRANSFER_RECIPIENT_NAME = 'Transfer content to';
/** [guess] The confirm button's name starts with this word. */
export const CONFIRM_BUTTON_LABEL = 'Remove';
/** [guess] The cancel button's label. */
export const CANCEL_BUTTON_LABEL = 'Cancel';

/** A dialog title that speaks of removing members or users: "Remove Members?", "remove 2 users", "Remove member". */
const REMOVE_TITLE = /^remove( \S+)? (members?|users?)\b/;

export { looksLikeEmail } from './emails';

/** The dialog's title speaks of removing members or users. */
export function isRemoveTitle(title: string): boolean {
  return REMOVE_TITLE.test(normaliseName(title));
}

/** Every open removal dialog under `root` (a portal node, or the document), `root` itself included. */
export function findRemoveDialogs(root: ParentNode): HTMLElement[] {
  const candidates = [...root.querySelectorAll<HTMLElement>(DIALOG_SELECTOR)];
  if (root instanceof HTMLElement && root.matches(DIALOG_SELECTOR)) candidates.unshift(root);
  return candidates.filter((dialog) => isRemoveTitle(dialogTitle(dialog)));
}

/** The removal dialog holding `target`, if any. */
export function closestRemoveDialog(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  for (let dialog = target.closest<HTMLElement>(DIALOG_SELECTOR); dialog; dialog = dialog.parentElement?.closest<HTMLElement>(DIALOG_SELECTOR) ?? null) {
    if (isRemoveTitle(dialogTitle(dialog))) return dialog;
  }
  return null;
}

/**
 * Where removal dialogs are watched for: [guess] portaled to the end of <body>, as React modal
 * libraries do, so <body>'s children are observed. A dialog rendered deeper is still found: the
 * guard also scans the whole document after every click or key press (a dialog opens on one),
 * and judges any confirm inside a removal dialog when it is pressed.
 */
export function dialogPortalRoot(doc: Document): HTMLElement {
  return doc.body;
}

/** A node is (or holds) a dialog: used to react only to dialog insertions and removals. */
export function mayHoldDialog(node: Node): boolean {
  if (!(node instanceof Element)) return false;
  return node.matches(DIALOG_SELECTOR) || node.querySelector(DIALOG_SELECTOR) !== null;
}

export interface RemoveDialogParts {
  dialog: HTMLElement;
  /** The list of people: named "Users to remove", else the dialog's only list; null when not found. */
  list: HTMLElement | null;
  /** The confirm buttons (name starting with "Remove"); the console's own is the last one. */
  confirms: HTMLElement[];
  confirm: HTMLElement | null;
  cancel: HTMLElement | null;
  /** The transfer checkbox; null when none, or when several could be it. */
  transferCheckbox: HTMLElement | null;
  /** How many checkboxes speak of transferring (0 or 2+ is not understood). */
  transferCandidates: number;
  /** The recipient combobox; null when none (or several). */
  recipient: HTMLElement | null;
}

const LIST_SELECTOR = 'ul, ol, [role="list"]';
const ITEM_SELECTOR = ':scope > li, :scope > [role="listitem"]';
const COMBOBOX_SELECTOR = 'input[role="combobox"], [role="combobox"], select';

/** Lists that are not a dropdown's options and have items. */
function peopleLists(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(LIST_SELECTOR)].filter(
    (list) => !list.closest('[role="listbox"], [role="menu"], [role="combobox"]') && list.querySelector(ITEM_SELECTOR) !== null,
  );
}

export function removeDialogParts(dialog: HTMLElement): RemoveDialogParts {
  const lists = peopleLists(dialog);
  const named = lists.filter((list) => sameName(accessibleName(list), USERS_TO_REMOVE_LIST_NAME));
  const list = named[0] ?? (lists.length === 1 ? lists[0]! : null);
  const confirms = findConfirmButtons(dialog);
  const cancel = byName(dialog, BUTTON_SELECTOR, (name) => sameName(name, CANCEL_BUTTON_LABEL))[0] ?? null;
  const transfers = byName(dialog, CHECKBOX_SELECTOR, (name) => nameIncludes(name, TRANSFER_WORD));
  const combos = [...dialog.querySelectorAll<HTMLElement>(COMBOBOX_SELECTOR)];
  const namedCombo = combos.filter((combo) => sameName(accessibleName(combo), TRANSFER_RECIPIENT_NAME));
  return {
    dialog,
    list,
    confirms,
    confirm: confirms[confirms.length - 1] ?? null,
    cancel,
    transferCheckbox: transfers.length === 1 ? transfers[0]! : null,
    transferCandidates: transfers.length,
    recipient: namedCombo[0] ?? (combos.length === 1 ? combos[0]! : null),
  };
}

/** [guess] The confirm buttons: a `button` or `role="button"` whose name starts with "Remove", outside the list of people. */
export function findConfirmButtons(dialog: ParentNode): HTMLElement[] {
  return byName(dialog, BUTTON_SELECTOR, (name) => nameStartsWith(name, CONFIRM_BUTTON_LABEL)).filter(
    (button) => !button.closest(LIST_SELECTOR),
  );
}

/** The event's target is (inside) one of the dialog's confirm buttons. */
export function isConfirmButton(dialog: HTMLElement, target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  const button = target.closest(BUTTON_SELECTOR);
  return button !== null && dialog.contains(button) && nameStartsWith(accessibleName(button), CONFIRM_BUTTON_LABEL) && !button.closest(LIST_SELECTOR);
}

/** A confirm button that can be pressed now. */
export function isPressable(button: HTMLElement | null): button is HTMLElement {
  return !!button && button.isConnected && !isDisabled(button);
}

export interface ListedPerson {
  /** The first line as shown, without an email beside it; may itself look like an email. */
  name: string;
  /** Every distinct email shown for this entry (text, title, aria-label, mailto), lower case, in order. */
  emails: string[];
}

/** The text pieces of one entry, in order (each text node collapsed, empty ones dropped). */
function textPieces(element: Element): string[] {
  const pieces: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const piece = collapse(node.textContent);
    if (piece) pieces.push(piece);
  }
  return pieces;
}

/** Reads one entry of the list: the name shown and every email it carries. */
export function readListedPerson(item: Element): ListedPerson {
  const emails: string[] = [];
  const add = (found: string[]) => {
    for (const email of found) if (!emails.includes(email)) emails.push(email);
  };
  const pieces = textPieces(item);
  for (const piece of pieces) add(emailsIn(piece));
  for (const element of [item, ...item.querySelectorAll('*')]) {
    add(emailsIn(element.getAttribute('title')));
    add(emailsIn(element.getAttribute('aria-label')));
    const mailto = mailtoAddress(element.getAttribute('href'));
    if (mailto) add([mailto]);
  }
  // The name is the first line, without an email beside it ("Name · email"); a line that is only an
  // email stays as it is (a pending invitee's name is their email, shown once).
  const first = pieces[0] ?? '';
  const name = collapse(withoutEmails(first)) || first;
  return { name, emails };
}

export interface RemoveDialogReading {
  people: ListedPerson[];
  /** The transfer checkbox exists and is checked. */
  transfer: boolean;
  /** The recipient combobox's text (the chosen person's name [guess]); '' when none. */
  recipientText: string;
  /** What could not be found or read, in words (shown to the admin, and in diagnostics). */
  missing: string[];
}

function comboText(combo: HTMLElement | null): string {
  if (!combo) return '';
  if (combo instanceof HTMLInputElement) return collapse(combo.value);
  if (combo instanceof HTMLSelectElement) return collapse(combo.selectedOptions[0]?.textContent);
  return collapse(combo.textContent);
}

/** Reads who is being removed and the transfer choice, from what the dialog shows. */
export function readRemoveDialog(parts: RemoveDialogParts): RemoveDialogReading {
  const missing: string[] = [];
  const people: ListedPerson[] = [];
  if (!parts.list) missing.push(`the list of people to remove (a list named "${USERS_TO_REMOVE_LIST_NAME}", or the dialog's only list)`);
  else for (const item of parts.list.querySelectorAll(ITEM_SELECTOR)) people.push(readListedPerson(item));
  if (!parts.confirm) missing.push(`the button "${CONFIRM_BUTTON_LABEL}"`);
  if (!parts.transferCheckbox) {
    missing.push(
      parts.transferCandidates > 1
        ? `which checkbox transfers the content (${parts.transferCandidates} speak of transferring)`
        : `the checkbox "${TRANSFER_CHECKBOX_LABEL}"`,
    );
  }
  const transfer = parts.transferCheckbox ? isChecked(parts.transferCheckbox) : false;
  let recipientText = '';
  if (transfer) {
    if (!parts.recipient) missing.push(`the recipient picker "${TRANSFER_RECIPIENT_NAME}"`);
    recipientText = comboText(parts.recipient);
  }
  return { people, transfer, recipientText, missing };
}

/** What the dialog could not show, for the diagnostics (empty when the dialog is understood). */
export function removeDialogGaps(dialog: HTMLElement): string[] {
  const reading = readRemoveDialog(removeDialogParts(dialog));
  const gaps = [...reading.missing];
  if (reading.people.length === 0 && removeDialogParts(dialog).list) gaps.push('anyone in the list of people to remove');
  for (const person of reading.people) if (person.emails.length === 0) gaps.push(`the email of "${person.name}"`);
  return gaps;
}

/**
 * Is this event one that could confirm the removal? A press of a confirm button (click, Enter or
 * Space on it), a form submission in the dialog, or Enter anywhere in the dialog where Enter does
 * not mean something else (picking an option, pressing another button, ticking a checkbox).
 */
export function isConfirmAction(event: Event, dialog: HTMLElement): boolean {
  const target = event.target;
  if (event.type === 'submit') return target instanceof HTMLFormElement && dialog.contains(target);
  if (event instanceof KeyboardEvent) {
    if (isConfirmButton(dialog, target)) return event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar';
    if (event.type !== 'keydown' || event.key !== 'Enter') return false;
    if (!(target instanceof Element) || !dialog.contains(target)) return false;
    return !target.closest(
      'button, a[href], textarea, select, input[type="checkbox"], [role="combobox"], [role="listbox"], [role="option"], [role="button"], [role="checkbox"], [role="switch"]',
    );
  }
  return isConfirmButton(dialog, target);
}

/** Whether the key event is one that a button turns into a click by itself (Enter/Space on a native button). */
export function becomesClick(event: Event, dialog: HTMLElement): boolean {
  if (!(event instanceof KeyboardEvent) || !(event.target instanceof Element)) return false;
  const button = event.target.closest(BUTTON_SELECTOR);
  return button instanceof HTMLButtonElement && isConfirmButton(dialog, button);
}
