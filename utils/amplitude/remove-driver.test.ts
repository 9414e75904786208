/**
 * The removal driver against a small fake of the console's Users list and "Remove Members?" dialog
 * in plain DOM (happy-dom): it selects exactly the people asked (across pages), sets the transfer
 * and recipient, confirms only when the dialog shows exactly that, and reports the console's
 * refusals and the picker's in the console's words. The real flow against the double, with the
 * removal guard on, is e2e (test/e2e/offboarding.spec.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dialogMismatch, removeThroughConsole, type RemovalOrder } from './remove-driver';

interface FakePerson {
  id: string;
  name: string;
  email: string;
  active?: boolean;
}

const ORG: FakePerson[] = [
  { id: 'u-1', name: 'Maya Okafor', email: 'maya@x.io', active: true },
  { id: 'u-2', name: 'Ethan Brooks', email: 'ethan@x.io', active: true },
  { id: 'u-3', name: 'Grace Liu', email: 'grace@x.io' },
  { id: 'u-4', name: 'Gabriel Costa', email: 'gabriel@x.io' },
  { id: 'u-5', name: 'Jonas Weber', email: 'jonas@x.io' },
];

interface FakeOptions {
  pageSize?: number;
  /** The console refuses the confirm with this alert. */
  refuse?: string;
  /** The dialog lists someone besides the selection. */
  extraInDialog?: FakePerson;
  /** The list shows names only. */
  namesOnly?: boolean;
  /** The confirm is held (as our guard holds it while checking): nothing happens when it is pressed. */
  holdConfirm?: boolean;
  /**
   * Another page loads this long (ms): meanwhile the old rows stay, redrawn at once (their text
   * changes: "loading" in a column), with only a visible "Loading users…" beside them, no aria-busy.
   */
  loadingMs?: number;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A Users list (paged), a bulk Remove, and a "Remove Members?" dialog with a searching recipient picker. */
function fakeConsole(options: FakeOptions = {}) {
  const pageSize = options.pageSize ?? 10;
  const selected = new Set<string>();
  const removals: { ids: string[]; to: string | null }[] = [];
  let page = 0;
  let loading = false;
  const section = el('section');
  document.body.append(section);
  const heading = el('h1', {}, 'Team Members & Groups');
  const area = el('div');
  section.append(heading, area);

  function render() {
    area.replaceChildren();
    const rows = ORG.slice(page * pageSize, (page + 1) * pageSize).map((person) => {
      const box = el('input', { type: 'checkbox', 'aria-label': `Select ${person.name}` });
      box.checked = selected.has(person.id);
      box.addEventListener('click', () => {
        if (selected.has(person.id)) selected.delete(person.id);
        else selected.add(person.id);
        queueMicrotask(render);
      });
      const who = options.namesOnly ? el('div', {}, person.name) : el('div', {}, el('div', {}, person.name), el('div', {}, person.email));
      return el('tr', {}, el('td', {}, box), el('td', {}, who), el('td', {}, loading ? '—' : 'Engineering'));
    });
    const table = el('table', { 'aria-label': 'Joined users' }, el('thead', {}, el('tr', {}, el('th', {}, el('input', { type: 'checkbox', 'aria-label': 'Select all' })), el('th', {}, 'User'))), el('tbody', {}, ...rows));
    const toolbar = el('div', { role: 'toolbar' });
    if (selected.size > 0) {
      const remove = el('button', {}, 'Remove');
      remove.addEventListener('click', () => openDialog());
      toolbar.append(remove);
    }
    const previous = el('button', {}, 'Previous');
    previous.disabled = page === 0;
    const turn = (by: number) => {
      if (!options.loadingMs) {
        page += by;
        setTimeout(render, 5);
        return;
      }
      loading = true;
      render();
      setTimeout(() => {
        loading = false;
        page += by;
        render();
      }, options.loadingMs);
    };
    previous.addEventListener('click', () => turn(-1));
    const next = el('button', {}, 'Next');
    next.disabled = (page + 1) * pageSize >= ORG.length;
    next.addEventListener('click', () => turn(1));
    area.append(toolbar, ...(loading ? [el('p', { role: 'status' }, 'Loading users…')] : []), table, el('nav', { 'aria-label': 'Pagination' }, previous, next));
  }

  function openDialog() {
    const members = ORG.filter((person) => selected.has(person.id));
    if (options.extraInDialog) members.push(options.extraInDialog);
    let recipient: FakePerson | null = null;
    const dialog = el('div', { role: 'dialog', 'aria-labelledby': 'rm-title' }, el('h2', { id: 'rm-title' }, 'Remove Members?'));
    const list = el('ul', { 'aria-label': 'Users to remove' }, ...members.map((person) => el('li', {}, el('div', {}, person.name), el('div', {}, person.email))));
    const box = el('input', { type: 'checkbox', id: 'rm-transfer' });
    const label = el('label', { for: 'rm-transfer' }, 'Transfer content to another user');
    const field = el('div');
    const alert = el('div');
    box.addEventListener('click', () =>
      setTimeout(() => {
        field.replaceChildren();
        if (!box.checked) return;
        const input = el('input', { type: 'text', role: 'combobox', 'aria-label': 'Transfer content to', 'aria-controls': 'rm-list' });
        input.addEventListener('input', () => {
          document.getElementById('rm-list')?.remove();
          const listbox = el('div', { role: 'listbox', id: 'rm-list', 'aria-label': 'Transfer content to' }, 'Loading…');
          document.body.append(listbox);
          setTimeout(() => {
            const found = ORG.filter((person) => person.active && !members.includes(person) && (person.email.includes(input.value) || person.name.includes(input.value)));
            listbox.replaceChildren(
              ...(found.length === 0
                ? ['No user active in the last 30 days matches']
                : found.map((person) => {
                    const option = el('div', { role: 'option' }, person.name, el('span', { 'aria-hidden': 'true' }, person.email));
                    option.addEventListener('click', () => {
                      recipient = person;
                      input.value = person.name;
                      listbox.remove();
                    });
                    return option;
                  })),
            );
          }, 20);
        });
        field.append(input);
      }, 5),
    );
    const cancel = el('button', {}, 'Cancel');
    cancel.addEventListener('click', () => dialog.remove());
    const confirm = el('button', {}, 'Remove');
    confirm.addEventListener('click', () =>
      setTimeout(() => {
        if (options.holdConfirm) return;
        if (options.refuse) {
          alert.setAttribute('role', 'alert');
          alert.textContent = options.refuse;
          return;
        }
        removals.push({ ids: members.map((person) => person.id), to: box.checked ? (recipient?.id ?? null) : null });
        selected.clear();
        dialog.remove();
        render();
      }, 10),
    );
    dialog.append(list, label, box, field, alert, cancel, confirm);
    document.body.append(dialog);
  }

  render();
  return { removals, selected, dialogOpen: () => document.querySelector('[role="dialog"]') !== null };
}

const orgPeople = ORG.map(({ id, name, email }) => ({ id, name, email }));
const person = (id: string) => {
  const found = ORG.find((candidate) => candidate.id === id)!;
  return { email: found.email, name: found.name };
};
const fast = { orgPeople, timeoutMs: 2_000 };

afterEach(() => document.body.replaceChildren());

describe('removeThroughConsole', () => {
  it('removes a group with its content to one recipient, across pages, and confirms only what was asked', async () => {
    const fake = fakeConsole({ pageSize: 2 });
    const order: RemovalOrder = { people: [person('u-3'), person('u-5')], recipient: person('u-2'), view: 'joined' };
    let confirmedWithState = false;
    const result = await removeThroughConsole(order, {
      ...fast,
      beforeConfirm: async () => {
        confirmedWithState = true;
        return true;
      },
    });
    expect(result).toEqual({ kind: 'done' });
    expect(confirmedWithState).toBe(true);
    expect(fake.removals).toEqual([{ ids: ['u-3', 'u-5'], to: 'u-2' }]);
  });

  it('waits for another page to load when the list says so only by a visible "Loading…" (no aria-busy)', async () => {
    // The old rows are redrawn at once and stay longer than the driver's settling time.
    const fake = fakeConsole({ pageSize: 2, loadingMs: 700 });
    const result = await removeThroughConsole({ people: [person('u-3')], recipient: null, view: 'joined' }, { ...fast, timeoutMs: 4_000 });
    expect(result).toEqual({ kind: 'done' });
    expect(fake.removals).toEqual([{ ids: ['u-3'], to: null }]);
  });

  it('removes without transfer when there is no recipient', async () => {
    const fake = fakeConsole();
    expect(await removeThroughConsole({ people: [person('u-4')], recipient: null, view: 'joined' }, fast)).toEqual({ kind: 'done' });
    expect(fake.removals).toEqual([{ ids: ['u-4'], to: null }]);
  });

  it('matches people by a name only they have when the list shows no emails', async () => {
    const fake = fakeConsole({ namesOnly: true });
    expect(await removeThroughConsole({ people: [person('u-5')], recipient: null, view: 'joined' }, fast)).toEqual({ kind: 'done' });
    expect(fake.removals).toEqual([{ ids: ['u-5'], to: null }]);
  });

  it('never confirms when the dialog lists someone else, and leaves the page as found', async () => {
    const fake = fakeConsole({ extraInDialog: ORG[0] });
    const result = await removeThroughConsole({ people: [person('u-3')], recipient: person('u-2'), view: 'joined' }, fast);
    expect(result).toMatchObject({ kind: 'failed', confirmed: false });
    expect(result.kind === 'failed' && result.reason).toContain('maya@x.io');
    expect(fake.removals).toEqual([]);
    expect(fake.dialogOpen()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.selected.size).toBe(0);
  });

  it('says in the picker\'s words when the recipient is not offered (inactive), before confirming', async () => {
    const fake = fakeConsole();
    const result = await removeThroughConsole({ people: [person('u-3')], recipient: person('u-5'), view: 'joined' }, fast);
    expect(result).toMatchObject({ kind: 'refused', confirmed: false });
    expect(result.kind === 'refused' && result.reason).toContain('No user active in the last 30 days matches');
    expect(fake.removals).toEqual([]);
  });

  it('reports the console\'s refusal in its words after confirming', async () => {
    const fake = fakeConsole({ refuse: 'Maya Okafor is the only Admin; the organization must keep at least one Admin.' });
    const result = await removeThroughConsole({ people: [person('u-4')], recipient: null, view: 'joined' }, fast);
    expect(result).toEqual({ kind: 'refused', confirmed: true, reason: 'Maya Okafor is the only Admin; the organization must keep at least one Admin.' });
    expect(fake.dialogOpen()).toBe(false);
  });

  it('does not confirm when the caller holds it, nor when someone is not in the list', async () => {
    const fake = fakeConsole();
    const held = await removeThroughConsole({ people: [person('u-4')], recipient: null, view: 'joined' }, { ...fast, beforeConfirm: async () => false });
    expect(held).toMatchObject({ kind: 'failed', confirmed: false, aborted: true });
    const missing = await removeThroughConsole({ people: [{ email: 'nobody@x.io', name: 'Nobody' }], recipient: null, view: 'joined' }, fast);
    expect(missing).toMatchObject({ kind: 'failed', confirmed: false });
    expect(missing.kind === 'failed' && missing.reason).toContain('nobody@x.io');
    expect(fake.removals).toEqual([]);
  });
});

describe('the Members page left after the confirm', () => {
  it('says the console did not answer, never that the removal happened', async () => {
    const fake = fakeConsole({ holdConfirm: true });
    const result = await removeThroughConsole(
      { people: [person('u-4')], recipient: null, view: 'joined' },
      {
        ...fast,
        async beforeConfirm() {
          // The admin goes to another settings page while the confirm waits: the page (and the dialog with it) goes.
          setTimeout(() => document.body.replaceChildren(), 20);
          return true;
        },
      },
    );
    expect(result).toMatchObject({ kind: 'failed', confirmed: true, unanswered: true });
    expect(fake.removals).toEqual([]);
  });
});

describe('dialogMismatch', () => {
  const reading = (emails: string[][], transfer: boolean, recipientText = '') => ({
    people: emails.map((list, index) => ({ name: `Person ${index}`, emails: list })),
    transfer,
    recipientText,
    missing: [],
  });
  const order: RemovalOrder = { people: [{ email: 'a@x.io', name: 'A' }], recipient: { email: 'r@x.io', name: 'Rita Recipient' }, view: 'joined' };
  const once = () => 1;

  it('accepts exactly the people, the transfer and the recipient', () => {
    expect(dialogMismatch(reading([['a@x.io']], true, 'Rita Recipient'), order, once)).toBeNull();
  });
  it('names what differs', () => {
    expect(dialogMismatch(reading([['a@x.io'], ['b@x.io']], true, 'Rita Recipient'), order, once)).toContain('b@x.io');
    expect(dialogMismatch(reading([['a@x.io']], false), order, once)).not.toBeNull();
    expect(dialogMismatch(reading([['a@x.io']], true, 'Someone Else'), order, once)).toContain('r@x.io');
    expect(dialogMismatch(reading([['a@x.io']], true), { ...order, recipient: null }, once)).not.toBeNull();
  });
  it('matches a name without email only when one member has it', () => {
    const named = { people: [{ name: 'A', emails: [] }], transfer: false, recipientText: '', missing: [] };
    expect(dialogMismatch(named, { ...order, recipient: null }, once)).toBeNull();
    expect(dialogMismatch(named, { ...order, recipient: null }, () => 2)).not.toBeNull();
  });
});
