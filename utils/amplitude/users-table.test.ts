import { beforeEach, describe, expect, it } from 'vitest';
import { findUsersArea, findUsersLists, findUsersRoot, readRow, type UsersList, usersListLoading, usersView } from './users-table';

/**
 * Small copies of the Users tab in each markup shape the double can render (test/console/shared/
 * markup.ts): a `<table>`, an ARIA grid of divs, plain divs without table roles; the person shown
 * as name over email, the email in a `title`, "Name · email" in one element, or the name only.
 */
type Shape = 'table' | 'grid' | 'divs';
type PersonForm = 'line' | 'title' | 'inline' | 'hidden';

interface Person {
  name: string;
  email: string;
}

const PEOPLE: Person[] = [
  { name: 'Priya Natarajan', email: 'priya.natarajan@lumenfield.example' },
  { name: 'ryan.patel@lumenfield.example', email: 'ryan.patel@lumenfield.example' },
  { name: 'Maya Okafor', email: 'maya.okafor@lumenfield.example' },
];

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function personCell(person: Person, form: PersonForm): string {
  const { name, email } = person;
  if (form === 'hidden' || name === email) return `<div>${esc(name)}</div>`;
  if (form === 'title') return `<div title="${esc(email)}">${esc(name)}</div>`;
  if (form === 'inline') return `<div>${esc(name)} · ${esc(email)}</div>`;
  return `<div>${esc(name)}</div><div>${esc(email)}</div>`;
}

function rowHtml(person: Person, shape: Shape, form: PersonForm): string {
  const box = `<input type="checkbox" aria-label="Select ${esc(person.name)}">`;
  const role = `<button role="combobox" aria-label="Role for ${esc(person.name)}">User</button>`;
  const more = `<button aria-label="More actions for ${esc(person.name)}">⋯</button>`;
  const cells = [box, personCell(person, form), role, 'Engineering', more];
  if (shape === 'table') return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  if (shape === 'grid') return `<div role="row">${cells.map((cell) => `<div role="gridcell">${cell}</div>`).join('')}</div>`;
  return `<div>${cells.map((cell) => `<div>${cell}</div>`).join('')}</div>`;
}

function listHtml(shape: Shape, form: PersonForm, name: string | null, people: Person[]): string {
  const label = name === null ? '' : ` aria-label="${esc(name)}"`;
  const selectAll = '<input type="checkbox" aria-label="Select all users on this page">';
  const headers = [selectAll, 'User', 'Role', 'Team', '<span>Actions</span>'];
  const rows = people.map((person) => rowHtml(person, shape, form)).join('');
  if (shape === 'table') {
    return `<table${label}><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
  }
  if (shape === 'grid') {
    return `<div role="grid"${label}><div role="row">${headers.map((h) => `<div role="columnheader">${h}</div>`).join('')}</div>${rows}</div>`;
  }
  return `<div${label}><div>${headers.map((h) => `<div>${h}</div>`).join('')}</div><div>${rows}</div></div>`;
}

function page(options: { shape?: Shape; form?: PersonForm; name?: string | null; people?: Person[]; tab?: 'users' | 'groups'; view?: string } = {}): HTMLElement {
  const { shape = 'table', form = 'line', people = PEOPLE, tab = 'users' } = options;
  const name = options.name === undefined ? 'Joined users' : options.name;
  document.body.innerHTML = `
    <section>
      <h1>Team Members &amp; Groups</h1>
      <div role="tablist" aria-label="Team Members &amp; Groups">
        <button role="tab" id="t-users" aria-controls="p-users" aria-selected="${tab === 'users'}">USERS</button>
        <button role="tab" id="t-groups" aria-controls="p-groups" aria-selected="${tab === 'groups'}">groups</button>
      </div>
      <div role="tabpanel" id="p-${tab}">
        ${options.view ?? ''}
        ${tab === 'users' ? listHtml(shape, form, name, people) : '<table aria-label="Groups"><tbody><tr><td><input type="checkbox" aria-label="Select Data"></td><td>Data</td></tr></tbody></table>'}
      </div>
    </section>`;
  return document.querySelector('h1')!;
}

function lists(heading = document.querySelector('h1')!): UsersList[] {
  const area = findUsersArea(heading);
  return area ? findUsersLists(area) : [];
}

beforeEach(() => {
  history.pushState(null, '', '/analytics/demo-org/settings/members');
});

describe('the Users list, found by structure', () => {
  it.each(['table', 'grid', 'divs'] as const)('%s: one list, a row per person, no header row', (shape) => {
    page({ shape, name: shape === 'divs' ? null : 'Joined users' });
    const found = lists();
    expect(found).toHaveLength(1);
    expect(found[0]!.rows).toHaveLength(3);
    expect(found[0]!.rows.map((row) => readRow(row).emails)).toEqual(PEOPLE.map((person) => [person.email]));
  });

  it.each(['table', 'grid'] as const)('%s without a name is found all the same', (shape) => {
    page({ shape, name: null });
    expect(lists()[0]?.rows).toHaveLength(3);
  });

  it('takes a table named "Joined users" without rows as the (empty) list; an unnamed empty one only by its "select all" header', () => {
    page({ people: [] });
    expect(lists().map((list) => list.rows.length)).toEqual([0]);
    page({ people: [], name: 'People' });
    expect(lists().map((list) => list.rows.length)).toEqual([0]);
    document.querySelector('thead')!.remove();
    expect(lists()).toEqual([]);
  });

  it('leaves out an empty-state row and a checkbox in a dialog', () => {
    page();
    document.querySelector('tbody')!.insertAdjacentHTML('beforeend', '<tr><td colspan="5">No users match.</td></tr>');
    document.querySelector('[role="tabpanel"]')!.insertAdjacentHTML('beforeend', '<div role="dialog"><label><input type="checkbox"> Transfer content</label></div>');
    expect(lists()[0]?.rows).toHaveLength(3);
  });

  it('plain divs: a row is the nearest ancestor of its checkbox showing a person and no other checkbox', () => {
    page({ shape: 'divs', name: null, people: [PEOPLE[0]!] });
    const [list] = lists();
    expect(list?.rows).toHaveLength(1);
    const row = list!.rows[0]!;
    expect(row.querySelectorAll('input[type="checkbox"]')).toHaveLength(1);
    expect(row.textContent).toContain('Priya Natarajan');
    expect(row.textContent).not.toContain('Role');
  });

  it('plain divs: a checkbox inside a label with its own text does not make the label a row', () => {
    document.body.innerHTML = `<h1>Team Members &amp; Groups</h1>
      <div><div><label><input type="checkbox"> Select</label><span>Priya Natarajan</span></div>
      <div><label><input type="checkbox"> Select</label><span>Maya Okafor</span></div></div>`;
    const rows = lists()[0]!.rows;
    expect(rows.map((row) => readRow(row).names)).toEqual([['Priya Natarajan'], ['Maya Okafor']]);
  });

  it('sees no Users list while the Groups tab is shown', () => {
    const heading = page({ tab: 'groups' });
    expect(findUsersArea(heading)).toBeNull();
    expect(findUsersRoot(heading)?.localName).toBe('section');
  });

  it('without tabs, looks in the heading\'s section', () => {
    page();
    document.querySelector('[role="tablist"]')!.remove();
    expect(findUsersRoot(document.querySelector('h1')!)?.localName).toBe('section');
    expect(lists()[0]?.rows).toHaveLength(3);
  });

  it('never counts our own nodes', () => {
    page({ shape: 'divs', name: null });
    const ours = document.createElement('admin-lens-badge');
    ours.innerHTML = '<input type="checkbox">';
    document.querySelector('[role="tabpanel"]')!.append(ours);
    expect(findUsersLists(findUsersArea(document.querySelector('h1')!)!, (element) => element.localName === 'admin-lens-badge')[0]?.rows).toHaveLength(3);
  });
});

describe('the Joined/Pending view', () => {
  const viewOfFirst = () => {
    const area = findUsersArea(document.querySelector('h1')!)!;
    return usersView(findUsersLists(area)[0]!.element, area, location.href);
  };

  it('comes from the list\'s name, in any casing', () => {
    page({ name: 'PENDING USERS' });
    expect(viewOfFirst()).toEqual({ view: 'pending', from: 'name' });
  });

  it('else from the selected view control [guess]', () => {
    const control = '<div role="group" aria-label="Show users"><button aria-pressed="false">Joined Users</button><button aria-pressed="true">pending users</button></div>';
    page({ shape: 'divs', name: null, view: control });
    expect(viewOfFirst()).toEqual({ view: 'pending', from: 'control' });
  });

  it('else from ?view= in the address [guess], else unknown', () => {
    page({ shape: 'grid', name: null });
    expect(viewOfFirst()).toEqual({ view: null, from: null });
    history.pushState(null, '', '/analytics/demo-org/settings/members?view=pending');
    expect(viewOfFirst()).toEqual({ view: 'pending', from: 'address' });
  });
});

describe('reading a row', () => {
  const first = (options: Parameters<typeof page>[0]) => {
    page(options);
    return readRow(lists()[0]!.rows[0]!);
  };

  it.each(['table', 'grid', 'divs'] as const)('%s, name over email: the email, the name, and the cell holding them', (shape) => {
    const reading = first({ shape });
    expect(reading.emails).toEqual(['priya.natarajan@lumenfield.example']);
    expect(reading.names).toEqual(['Priya Natarajan']);
    expect(reading.anchor?.textContent).toBe('Priya Natarajanpriya.natarajan@lumenfield.example');
    const row = lists()[0]!.rows[0]!;
    expect(reading.anchor?.parentElement).toBe(row);
  });

  it('the email only in the name\'s title', () => {
    const reading = first({ shape: 'divs', form: 'title', name: null });
    expect(reading.emails).toEqual(['priya.natarajan@lumenfield.example']);
    expect(reading.names).toEqual(['Priya Natarajan']);
    expect(reading.anchor?.querySelector('[title]')?.textContent).toBe('Priya Natarajan');
  });

  it('"Name · email" in one element', () => {
    const reading = first({ shape: 'table', form: 'inline' });
    expect(reading.emails).toEqual(['priya.natarajan@lumenfield.example']);
    expect(reading.names).toEqual(['Priya Natarajan']);
    expect(reading.texts).toContain('Priya Natarajan · priya.natarajan@lumenfield.example');
  });

  it('names only: no email, the name in the first cell with text, controls left out', () => {
    const reading = first({ shape: 'grid', form: 'hidden' });
    expect(reading.emails).toEqual([]);
    expect(reading.names).toEqual(['Priya Natarajan']);
    expect(reading.texts).not.toContain('User');
    expect(reading.anchor?.getAttribute('role')).toBe('gridcell');
  });

  it('an email in a mailto link or an aria-label counts; in an aria-label it does not place the badge', () => {
    document.body.innerHTML = `<table><tbody><tr>
      <td><input type="checkbox" aria-label="Select lea.dupont@lumenfield.example"></td>
      <td><span aria-hidden="true">LD</span><a href="mailto:Lea.Dupont%40lumenfield.example?subject=hi">Léa Dupont</a></td></tr></tbody></table>`;
    const reading = readRow(document.querySelector('tr')!);
    expect(reading.emails).toEqual(['lea.dupont@lumenfield.example']);
    expect(reading.names).toEqual(['Léa Dupont']);
    expect(reading.anchor).toBe(document.querySelectorAll('td')[1]);
  });

  it('a display name that is someone else\'s email: both emails are read, the one shown as email places the badge', () => {
    document.body.innerHTML = `<table><tbody><tr><td><input type="checkbox"></td>
      <td><div>a@b.example</div><div>real@b.example</div></td></tr></tbody></table>`;
    const reading = readRow(document.querySelector('tr')!);
    expect(reading.emails).toEqual(['a@b.example', 'real@b.example']);
    expect(reading.anchor).toBe(document.querySelectorAll('td')[1]);
  });

  it('skips nodes we inserted ourselves', () => {
    page();
    const row = lists()[0]!.rows[0]!;
    const ours = document.createElement('admin-lens-badge');
    ours.textContent = 'impostor@evil.example';
    ours.title = 'other@evil.example';
    readRow(row).anchor!.append(ours);
    expect(readRow(row).emails).toEqual(['priya.natarajan@lumenfield.example', 'other@evil.example', 'impostor@evil.example']);
    expect(readRow(row, (element) => element.localName === 'admin-lens-badge').emails).toEqual(['priya.natarajan@lumenfield.example']);
  });

  it('a row with nothing readable has no anchor', () => {
    document.body.innerHTML = '<table><tbody><tr><td><input type="checkbox"></td><td><button>⋯</button></td></tr></tbody></table>';
    expect(readRow(document.querySelector('tr')!)).toEqual({ emails: [], texts: [], names: [], anchor: null });
  });
});

describe('whether the Users list is loading', () => {
  const loading = () => {
    const area = findUsersArea(document.querySelector('h1')!)!;
    return usersListLoading(area, lists()[0]?.element ?? null);
  };

  it.each(['table', 'grid'] as const)('%s: by aria-busy on the list or around it', (shape) => {
    page({ shape });
    expect(loading()).toBe(false);
    document.querySelector('table, [role="grid"]')!.setAttribute('aria-busy', 'true');
    expect(loading()).toBe(true);
    document.querySelector('table, [role="grid"]')!.setAttribute('aria-busy', 'false');
    document.querySelector('[role="tabpanel"]')!.setAttribute('aria-busy', 'true');
    expect(loading()).toBe(true);
  });

  it('plain divs: by a visible "Loading…" beside the list, in any casing and with three dots too', () => {
    for (const words of ['Loading pending users…', 'LOADING USERS...', 'Loading…']) {
      page({ shape: 'divs', name: null, view: `<p role="status">${words}</p>` });
      expect(loading(), words).toBe(true);
    }
  });

  it('not by a hidden loading text, one in a dialog, a sentence about loading, or a busy cell inside the list', () => {
    page({ shape: 'divs', name: null, view: '<p hidden>Loading users…</p><div role="dialog"><p>Loading…</p></div><p>Loading large orgs takes a while.</p>' });
    expect(loading()).toBe(false);
    page({ shape: 'grid' });
    document.querySelector('[role="gridcell"]')!.setAttribute('aria-busy', 'true');
    expect(loading()).toBe(false);
  });
});
