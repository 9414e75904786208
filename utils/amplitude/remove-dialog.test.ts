import { afterEach, describe, expect, it } from 'vitest';
import { findConfirmButton, findRemoveDialogs, isConfirmButton, mayHoldDialog, readRemoveDialog, removeDialogParts } from './remove-dialog';

/** Built with DOM calls (page-like: a portal at the end of <body>, a dialog named by its title). */
function removeDialog(people: [string, string | null][], transfer = false, recipient = ''): HTMLElement {
  const portal = document.createElement('div');
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'title-1');
  const title = document.createElement('h2');
  title.id = 'title-1';
  title.textContent = 'Remove Members?';
  const list = document.createElement('ul');
  list.setAttribute('aria-label', 'Users to remove');
  for (const [name, email] of people) {
    const item = document.createElement('li');
    const nameLine = document.createElement('div');
    nameLine.textContent = name;
    item.append(nameLine);
    if (email) {
      const emailLine = document.createElement('div');
      emailLine.textContent = email;
      item.append(emailLine);
    }
    const summary = document.createElement('div');
    summary.textContent = 'Owns 3 charts, 1 dashboard';
    item.append(summary);
    list.append(item);
  }
  const label = document.createElement('label');
  const checkbox = document.createElement('input');
  checkbox.type = 'checkbox';
  checkbox.checked = transfer;
  label.append(checkbox, 'Transfer content to another user');
  dialog.append(title, list, label);
  if (transfer) {
    const input = document.createElement('input');
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-label', 'Transfer content to');
    input.value = recipient;
    dialog.append(input);
  }
  for (const text of ['Cancel', 'Remove']) {
    const button = document.createElement('button');
    button.textContent = text;
    dialog.append(button);
  }
  portal.append(dialog);
  document.body.append(portal);
  return dialog;
}

afterEach(() => document.body.replaceChildren());

describe('the "Remove Members?" dialog', () => {
  it('is found by role and accessible name, and not confused with other dialogs', () => {
    const other = document.createElement('div');
    other.setAttribute('role', 'dialog');
    other.setAttribute('aria-label', 'Manage Project Access');
    document.body.append(other);
    const dialog = removeDialog([['Grace Liu', 'grace.liu@x.example']]);
    expect(findRemoveDialogs(document.body)).toEqual([dialog]);
    expect(mayHoldDialog(dialog.parentElement!)).toBe(true);
    expect(mayHoldDialog(document.createElement('div'))).toBe(false);
  });

  it('reads who is removed (name and email lines; pending people shown by email only) and the transfer choice', () => {
    const dialog = removeDialog([
      ['Grace Liu', 'grace.liu@x.example'],
      ['lea.dupont@x.example', null],
    ]);
    expect(readRemoveDialog(removeDialogParts(dialog))).toEqual({
      people: [
        { name: 'Grace Liu', email: 'grace.liu@x.example' },
        { name: 'lea.dupont@x.example', email: 'lea.dupont@x.example' },
      ],
      transfer: false,
      recipientText: '',
      missing: [],
    });
    const withTransfer = removeDialog([['Grace Liu', 'grace.liu@x.example']], true, 'Ethan Brooks');
    expect(readRemoveDialog(removeDialogParts(withTransfer))).toMatchObject({ transfer: true, recipientText: 'Ethan Brooks' });
  });

  it('finds the confirm button exactly, and tells which landmarks are missing', () => {
    const dialog = removeDialog([['Grace Liu', 'grace.liu@x.example']]);
    const confirm = findConfirmButton(dialog)!;
    expect(confirm.textContent).toBe('Remove');
    expect(isConfirmButton(dialog, confirm)).toBe(true);
    expect(isConfirmButton(dialog, removeDialogParts(dialog).cancel)).toBe(false);
    dialog.querySelector('ul')!.remove();
    confirm.remove();
    expect(readRemoveDialog(removeDialogParts(dialog)).missing).toEqual(['list "Users to remove"', 'button "Remove"']);
  });
});
