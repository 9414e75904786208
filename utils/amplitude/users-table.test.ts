import { beforeEach, describe, expect, it } from 'vitest';
import { findUsersRoot, findUsersTables, rowPerson, userRows } from './users-table';

/** A small copy of the console double's Users tab: tabs, a panel, the table with name over email. */
function page(view: 'joined' | 'pending' = 'joined'): void {
  document.body.replaceChildren();
  const section = document.createElement('section');
  section.innerHTML = `
    <h1>Team Members &amp; Groups</h1>
    <div role="tablist" aria-label="Team Members &amp; Groups">
      <button role="tab" id="t-users" aria-controls="p-users" aria-selected="true">Users</button>
      <button role="tab" id="t-groups" aria-controls="p-groups" aria-selected="false">Groups</button>
    </div>
    <div role="tabpanel" id="p-users" aria-labelledby="t-users">
      <table aria-label="${view === 'joined' ? 'Joined users' : 'Pending users'}">
        <thead><tr><th><input type="checkbox" aria-label="Select all users on this page"></th><th>User</th><th>Role</th></tr></thead>
        <tbody>
          <tr><td><input type="checkbox" aria-label="Select Priya"></td><td><div>Priya Natarajan</div><div>Priya.Natarajan@Lumenfield.example</div></td><td>User</td></tr>
          <tr><td><input type="checkbox" aria-label="Select ryan"></td><td><div>ryan.patel@lumenfield.example</div></td><td>User</td></tr>
          <tr><td><input type="checkbox" aria-label="Select a@b.example"></td><td><div>a@b.example</div><div>real@b.example</div></td><td>User</td></tr>
          <tr><td><input type="checkbox" aria-label="Select nobody"></td><td><div>No email here</div></td><td>User</td></tr>
          <tr><td colspan="3">No users match.</td></tr>
        </tbody>
      </table>
      <table aria-label="Groups"><tbody><tr><td><input type="checkbox"></td><td>x@y.example</td></tr></tbody></table>
    </div>`;
  document.body.append(section);
}

describe('the Users table locator', () => {
  beforeEach(() => page());

  it('finds the parent of the Users tab panel as the stable root', () => {
    const heading = document.querySelector('h1')!;
    const root = findUsersRoot(heading);
    expect(root?.tagName).toBe('SECTION');
    expect(root?.querySelector('[role="tabpanel"]')).not.toBeNull();
  });

  it('falls back to the heading section when there are no tabs', () => {
    document.querySelector('[role="tablist"]')!.remove();
    expect(findUsersRoot(document.querySelector('h1')!)?.tagName).toBe('SECTION');
  });

  it('finds the Joined or Pending table by its name, and not other tables', () => {
    expect(findUsersTables(document).map(({ view }) => view)).toEqual(['joined']);
    page('pending');
    expect(findUsersTables(document).map(({ view }) => view)).toEqual(['pending']);
  });

  it('lists only the rows of people: no header, no empty-state row', () => {
    const table = findUsersTables(document)[0]!.table;
    expect(userRows(table)).toHaveLength(4);
  });

  it('reads the email on the second line, or the only line of a pending invite, as shown', () => {
    const table = findUsersTables(document)[0]!.table;
    const people = userRows(table).map((row) => rowPerson(row)?.email ?? null);
    expect(people).toEqual(['Priya.Natarajan@Lumenfield.example', 'ryan.patel@lumenfield.example', 'real@b.example', null]);
    const first = rowPerson(userRows(table)[0]!);
    expect(first?.cell.textContent).toContain('Priya Natarajan');
  });

  it('skips nodes we inserted ourselves', () => {
    const table = findUsersTables(document)[0]!.table;
    const row = userRows(table)[0]!;
    const cell = rowPerson(row)!.cell;
    const ours = document.createElement('admin-lens-badge');
    ours.textContent = 'impostor@evil.example';
    cell.append(ours);
    expect(rowPerson(row)?.email).toBe('impostor@evil.example');
    expect(rowPerson(row, (element) => element.localName === 'admin-lens-badge')?.email).toBe('Priya.Natarajan@Lumenfield.example');
  });
});
