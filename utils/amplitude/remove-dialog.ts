/**
 * The console's "Remove Members?" dialog, found by role, accessible name and visible text only.
 * Everything the removal guard knows about Amplitude's removal form is here.
 *
 * Evidence (console-reference.md, section 5):
 * - the modal's title "Remove Members?" [doc]; that it is a `role=dialog` named by its title [guess]
 * - it lists the people being removed, name on one line and email on the next [guess]: a `list`
 *   named "Users to remove" [guess]
 * - a checkbox to transfer content [doc]; its label "Transfer content to another user" [guess]
 * - the recipient picker, a combobox named "Transfer content to" whose text is the chosen person's
 *   name [guess]
 * - the confirm button "Remove" and "Cancel" [guess]
 * - dialogs are portaled to the end of <body> [guess, as every React modal library does]
 */

/** [doc] The dialog's title. */
export const REMOVE_DIALOG_TITLE = 'Remove Members?';
/** [guess] The list of people in the dialog. */
export const USERS_TO_REMOVE_LIST_NAME = 'Users to remove';
/** [guess] The transfer checkbox's label. */
export const TRANSFER_CHECKBOX_LABEL = 'Transfer content to another user';
/** [guess] The recipient combobox's name. */
export const TRANSFER_RECIPIENT_NAME = 'Transfer content to';
/** [guess] The confirm button's label. */
export const CONFIRM_BUTTON_LABEL = 'Remove';
/** [guess] The cancel button's label. */
export const CANCEL_BUTTON_LABEL = 'Cancel';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The accessible name of an element: aria-label, aria-labelledby, a wrapping or `for` label, or its text. */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const doc = element.ownerDocument;
    const parts = labelledBy.split(/\s+/).map((id) => text(doc.getElementById(id)));
    const joined = parts.filter(Boolean).join(' ');
    if (joined) return joined;
  }
  if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) {
    const labels = element.labels ? [...element.labels] : [];
    const joined = labels.map((l) => text(l)).filter(Boolean).join(' ');
    if (joined) return joined;
    return '';
  }
  return text(element);
}

/** Every open "Remove Members?" dialog under `root` (a portal node, or the document). */
export function findRemoveDialogs(root: ParentNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  if (root instanceof HTMLElement && root.getAttribute('role') === 'dialog' && accessibleName(root) === REMOVE_DIALOG_TITLE) found.push(root);
  for (const candidate of root.querySelectorAll<HTMLElement>('[role="dialog"], dialog')) {
    if (accessibleName(candidate) === REMOVE_DIALOG_TITLE || dialogTitle(candidate) === REMOVE_DIALOG_TITLE) found.push(candidate);
  }
  return found;
}

/** A dialog's title when it is not named by aria-labelledby: its first heading. */
function dialogTitle(dialog: Element): string {
  return text(dialog.querySelector('h1, h2, h3, [role="heading"]'));
}

/** A node is (or holds) a dialog: used to react only to dialog insertions and removals. */
export function mayHoldDialog(node: Node): boolean {
  if (!(node instanceof Element)) return false;
  return node.matches('[role="dialog"], dialog') || node.querySelector('[role="dialog"], dialog') !== null;
}

function byRoleAndName(root: ParentNode, selector: string, name: string): HTMLElement | null {
  for (const element of root.querySelectorAll<HTMLElement>(selector)) {
    if (accessibleName(element) === name) return element;
  }
  return null;
}

export interface ListedPerson {
  name: string;
  /** Null when no line of the entry reads as an email address. */
  email: string | null;
}

/** The text pieces of one list entry, in order (each text node trimmed, empty ones dropped). */
function textPieces(element: Element): string[] {
  const pieces: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const piece = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (piece) pieces.push(piece);
  }
  return pieces;
}

export interface RemoveDialogParts {
  dialog: HTMLElement;
  /** [guess] `list` "Users to remove"; null when missing (the guard says so). */
  list: HTMLElement | null;
  confirm: HTMLButtonElement | null;
  cancel: HTMLElement | null;
  transferCheckbox: HTMLInputElement | null;
  recipient: HTMLInputElement | null;
}

export function removeDialogParts(dialog: HTMLElement): RemoveDialogParts {
  const list = byRoleAndName(dialog, 'ul, ol, [role="list"]', USERS_TO_REMOVE_LIST_NAME);
  const confirm = findConfirmButton(dialog);
  const cancel = byRoleAndName(dialog, 'button, [role="button"]', CANCEL_BUTTON_LABEL);
  const checkbox = byRoleAndName(dialog, 'input[type="checkbox"], [role="checkbox"]', TRANSFER_CHECKBOX_LABEL);
  const recipient = byRoleAndName(dialog, 'input[role="combobox"], [role="combobox"]', TRANSFER_RECIPIENT_NAME);
  return {
    dialog,
    list,
    confirm,
    cancel,
    transferCheckbox: checkbox instanceof HTMLInputElement ? checkbox : null,
    recipient: recipient instanceof HTMLInputElement ? recipient : null,
  };
}

/** [guess] The confirm button: a button whose text is exactly "Remove" (not "Remove Access", not "Close"). */
export function findConfirmButton(dialog: ParentNode): HTMLButtonElement | null {
  const button = byRoleAndName(dialog, 'button', CONFIRM_BUTTON_LABEL);
  return button instanceof HTMLButtonElement ? button : null;
}

/** The confirm button, or the element that contains the event's target and is the confirm button. */
export function isConfirmButton(dialog: HTMLElement, target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  const button = target.closest('button');
  return button !== null && dialog.contains(button) && accessibleName(button) === CONFIRM_BUTTON_LABEL;
}

export interface RemoveDialogReading {
  people: ListedPerson[];
  /** The transfer checkbox exists and is checked. */
  transfer: boolean;
  /** The recipient combobox's text (the chosen person's name [guess]); '' when none. */
  recipientText: string;
  /** Landmarks that could not be found, by their names (shown to the admin). */
  missing: string[];
}

/** Reads who is being removed and the transfer choice, from what the dialog shows. */
export function readRemoveDialog(parts: RemoveDialogParts): RemoveDialogReading {
  const missing: string[] = [];
  const people: ListedPerson[] = [];
  if (!parts.list) missing.push(`list "${USERS_TO_REMOVE_LIST_NAME}"`);
  else {
    for (const item of parts.list.querySelectorAll(':scope > li, :scope > [role="listitem"]')) {
      const pieces = textPieces(item);
      const email = pieces.find((piece) => EMAIL.test(piece)) ?? null;
      people.push({ name: pieces[0] ?? email ?? '', email });
    }
  }
  if (!parts.confirm) missing.push(`button "${CONFIRM_BUTTON_LABEL}"`);
  if (!parts.transferCheckbox) missing.push(`checkbox "${TRANSFER_CHECKBOX_LABEL}"`);
  const transfer = parts.transferCheckbox?.checked ?? false;
  return { people, transfer, recipientText: transfer ? (parts.recipient?.value.trim() ?? '') : '', missing };
}
