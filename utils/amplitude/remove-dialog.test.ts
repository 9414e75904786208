import { afterEach, describe, expect, it } from 'vitest';
import {
  closestRemoveDialog,
  findRemoveDialogs,
  isConfirmAction,
  isConfirmButton,
  mayHoldDialog,
  readListedPerson,
  readRemoveDialog,
  removeDialogGaps,
  removeDialogParts,
} from './remove-dialog';

interface Shape {
  element?: 'div' | 'dialog';
  role?: 'dialog' | 'alertdialog' | null;
  /** How the dialog is named: aria-labelledby its heading, aria-label, or only a heading inside. */
  naming?: 'labelledby' | 'label' | 'heading';
  title?: string;
  listName?: string | null;
  confirm?: string;
  confirmAs?: 'button' | 'div';
  transferLabel?: string;
  recipientName?: string;
}

type Person = (item: HTMLElement) => void;
const line = (name: string, email?: string): Person => (item) => {
  const nameLine = document.createElement('div');
  nameLine.textContent = name;
  item.append(nameLine);
  if (email) {
    const emailLine = document.createElement('div');
    emailLine.textContent = email;
    item.append(emailLine);
  }
};
const inTitle = (name: string, email: string): Person => (item) => {
  const nameLine = document.createElement('div');
  nameLine.textContent = name;
  nameLine.title = email;
  item.append(nameLine);
};
const inline = (name: string, email: string): Person => (item) => {
  const one = document.createElement('span');
  one.textContent = `${name} · ${email}`;
  item.append(one);
};
const mailto = (name: string, email: string): Person => (item) => {
  const link = document.createElement('a');
  link.href = `mailto:${email}`;
  link.textContent = name;
  item.append(link);
};

/** Built with DOM calls, page-like: a portal at the end of <body>. */
function removeDialog(people: Person[], shape: Shape = {}, transfer = false, recipient = ''): HTMLElement {
  const portal = document.createElement('div');
  const dialog = document.createElement(shape.element ?? 'div');
  const role = shape.role === undefined ? 'dialog' : shape.role;
  if (role) dialog.setAttribute('role', role);
  const title = document.createElement('h2');
  title.id = 'title-1';
  title.textContent = shape.title ?? 'Remove Members?';
  const naming = shape.naming ?? 'labelledby';
  if (naming === 'labelledby') dialog.setAttribute('aria-labelledby', 'title-1');
  if (naming === 'label') dialog.setAttribute('aria-label', shape.title ?? 'Remove Members?');
  const list = document.createElement('ul');
  const listName = shape.listName === undefined ? 'Users to remove' : shape.listName;
  if (listName) list.setAttribute('aria-label', listName);
  for (const person of people) {
    const item = document.createElement('li');
    person(item);
    const summary = document.createElement('div');
    summary.textContent = 'Owns 3 charts, 1 dashboard';
    item.append(summary);
    list.append(item);
  }
  const label = document.createElement('label');
  const checkbox = document.createElement('input');
  checkbox.type = 'checkbox';
  checkbox.checked = transfer;
  label.append(checkbox, shape.transferLabel ?? 'Transfer content to another user');
  dialog.append(title, list, label);
  if (transfer) {
    const input = document.createElement('input');
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-label', shape.recipientName ?? 'Transfer content to');
    input.value = recipient;
    dialog.append(input);
  }
  for (const text of ['Cancel', shape.confirm ?? 'Remove']) {
    const button = document.createElement(shape.confirmAs === 'div' ? 'div' : 'button');
    if (shape.confirmAs === 'div') {
      button.setAttribute('role', 'button');
      button.tabIndex = 0;
    }
    button.textContent = text;
    dialog.append(button);
  }
  portal.append(dialog);
  document.body.append(portal);
  return dialog;
}

afterEach(() => document.body.replaceChildren());

describe('finding the removal dialog by meaning', () => {
  it.each<[string, Shape]>([
    ['role=dialog named by its title', {}],
    ['role=alertdialog', { role: 'alertdialog' }],
    ['a <dialog>', { element: 'dialog', role: null }],
    ['no aria-labelledby: the title only as a heading', { naming: 'heading' }],
    ['aria-label', { naming: 'label' }],
    ['other casing', { title: 'Remove members?' }],
    ['upper case, no question mark', { title: 'REMOVE MEMBERS' }],
    ['another noun and a count', { title: 'Remove 2 users?' }],
  ])('%s', (_name, shape) => {
    const dialog = removeDialog([line('Grace Liu', 'grace.liu@x.example')], shape);
    expect(findRemoveDialogs(document.body)).toEqual([dialog]);
    expect(closestRemoveDialog(dialog.querySelector('li'))).toBe(dialog);
    expect(mayHoldDialog(dialog.parentElement!)).toBe(true);
  });

  it('is not confused with other dialogs', () => {
    for (const title of ['Manage Project Access', 'Remove access', 'Invite New Users', 'Removed members']) {
      removeDialog([line('Grace Liu', 'grace.liu@x.example')], { title });
    }
    expect(findRemoveDialogs(document.body)).toEqual([]);
    expect(mayHoldDialog(document.createElement('div'))).toBe(false);
  });
});

describe('its confirm', () => {
  it.each<[string, Shape]>([
    ['"Remove"', {}],
    ['"Remove Members"', { confirm: 'Remove Members' }],
    ['"remove" in a div role=button', { confirm: 'remove', confirmAs: 'div' }],
  ])('is a button whose name starts with Remove: %s', (_name, shape) => {
    const dialog = removeDialog([line('Grace Liu', 'grace.liu@x.example')], shape);
    const parts = removeDialogParts(dialog);
    expect(parts.confirm?.textContent).toBe(shape.confirm ?? 'Remove');
    expect(isConfirmButton(dialog, parts.confirm)).toBe(true);
    expect(isConfirmButton(dialog, parts.cancel)).toBe(false);
  });

  it('is not "Removing…", nor a button inside the list of people', () => {
    const dialog = removeDialog([line('Grace Liu', 'grace.liu@x.example')], { confirm: 'Removing…' });
    const inList = document.createElement('button');
    inList.textContent = 'Remove from this list';
    dialog.querySelector('li')!.append(inList);
    expect(removeDialogParts(dialog).confirm).toBeNull();
    expect(isConfirmButton(dialog, inList)).toBe(false);
    expect(readRemoveDialog(removeDialogParts(dialog)).missing).toEqual(['the button "Remove"']);
  });

  it('is pressed by Enter in the dialog, but not by Enter on a checkbox, a combobox or another button', () => {
    const dialog = removeDialog([line('Grace Liu', 'grace.liu@x.example')], {}, true, 'Ethan Brooks');
    const parts = removeDialogParts(dialog);
    const enter = (target: Element) => {
      const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true });
      Object.defineProperty(event, 'target', { value: target });
      return isConfirmAction(event, dialog);
    };
    expect(enter(parts.confirm!)).toBe(true);
    expect(enter(dialog.querySelector('li')!)).toBe(true);
    expect(enter(parts.transferCheckbox!)).toBe(false);
    expect(enter(parts.recipient!)).toBe(false);
    expect(enter(parts.cancel!)).toBe(false);
  });
});

describe('who is removed', () => {
  it.each<[string, Person, { name: string; emails: string[] }]>([
    ['name over email', line('Grace Liu', 'Grace.Liu@x.example'), { name: 'Grace Liu', emails: ['grace.liu@x.example'] }],
    ['the email only in a title', inTitle('Grace Liu', 'grace.liu@x.example'), { name: 'Grace Liu', emails: ['grace.liu@x.example'] }],
    ['"Name · email" in one element', inline('Grace Liu', 'grace.liu@x.example'), { name: 'Grace Liu', emails: ['grace.liu@x.example'] }],
    ['a mailto link', mailto('Grace Liu', 'grace.liu@x.example'), { name: 'Grace Liu', emails: ['grace.liu@x.example'] }],
    ['a pending invitee shown once by email', line('lea.dupont@x.example'), { name: 'lea.dupont@x.example', emails: ['lea.dupont@x.example'] }],
    ['names only', line('Grace Liu'), { name: 'Grace Liu', emails: [] }],
    [
      'a name that is another person\'s email',
      line('ethan.brooks@x.example', 'mallory@x.example'),
      { name: 'ethan.brooks@x.example', emails: ['ethan.brooks@x.example', 'mallory@x.example'] },
    ],
  ])('%s', (_name, person, expected) => {
    const item = document.createElement('li');
    person(item);
    expect(readListedPerson(item)).toEqual(expected);
  });

  it('reads an unnamed list when it is the only one, and the transfer choice under another wording', () => {
    const dialog = removeDialog([line('Grace Liu', 'grace.liu@x.example')], { listName: null, transferLabel: 'Transfer their content before removing', recipientName: 'New content owner' }, true, 'Ethan Brooks');
    expect(readRemoveDialog(removeDialogParts(dialog))).toEqual({
      people: [{ name: 'Grace Liu', emails: ['grace.liu@x.example'] }],
      transfer: true,
      recipientText: 'Ethan Brooks',
      missing: [],
    });
    expect(removeDialogGaps(dialog)).toEqual([]);
  });

  it('says exactly what it could not read', () => {
    const dialog = removeDialog([line('Grace Liu')], {}, false);
    expect(removeDialogGaps(dialog)).toEqual(['the email of "Grace Liu"']);
    // Two lists and neither named: which one lists the people is not known.
    const second = document.createElement('ul');
    second.append(document.createElement('li'));
    dialog.querySelector('ul')!.removeAttribute('aria-label');
    dialog.append(second);
    // Two checkboxes that speak of transferring: which one is it?
    const other = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    other.append(box, 'Transfer dashboards only');
    dialog.append(other);
    expect(readRemoveDialog(removeDialogParts(dialog)).missing).toEqual([
      'the list of people to remove (a list named "Users to remove", or the dialog\'s only list)',
      'which checkbox transfers the content (2 speak of transferring)',
    ]);
  });
});
