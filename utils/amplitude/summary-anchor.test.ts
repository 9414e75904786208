import { describe, expect, it } from 'vitest';
import { findGroupsTable, findMembersTabs, findTabPanel, groupRows, selectedMembersTab } from './summary-anchor';

function page(selected: 'users' | 'groups'): HTMLElement {
  document.body.innerHTML = '';
  const section = document.createElement('section');
  const heading = document.createElement('h1');
  heading.textContent = 'Team Members & Groups';
  const tablist = document.createElement('div');
  tablist.setAttribute('role', 'tablist');
  for (const [key, label] of [['users', 'Users'], ['groups', 'Groups']] as const) {
    const tab = document.createElement('button');
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(key === selected));
    tab.setAttribute('aria-controls', `panel-${key}`);
    tab.textContent = label;
    tablist.append(tab);
  }
  const panel = document.createElement('div');
  panel.setAttribute('role', 'tabpanel');
  panel.id = `panel-${selected}`;
  section.append(heading, tablist, panel);
  document.body.append(section);
  return heading;
}

function groupsTable(names: string[]): HTMLTableElement {
  const table = document.createElement('table');
  table.setAttribute('aria-label', 'Groups');
  const head = table.createTHead().insertRow();
  for (const label of ['Select', 'GROUP NAME ▲', 'MEMBERS']) head.append(Object.assign(document.createElement('th'), { textContent: label }));
  const body = table.createTBody();
  for (const name of names) {
    const row = body.insertRow();
    row.insertCell();
    const button = document.createElement('button');
    button.textContent = name;
    row.insertCell().append(button);
    row.insertCell().textContent = '3';
  }
  return table;
}

describe('summary anchors', () => {
  it('finds the tabs, the selected one and its panel', () => {
    const heading = page('users');
    const tabs = findMembersTabs(heading);
    expect(tabs).not.toBeNull();
    if (!tabs) return;
    expect(selectedMembersTab(tabs)).toBe('users');
    expect(findTabPanel(tabs)?.id).toBe('panel-users');
    page('groups');
  });

  it('reports a missing tablist as null', () => {
    document.body.innerHTML = '<h1>Team Members &amp; Groups</h1>';
    expect(findMembersTabs(document.querySelector('h1') as HTMLElement)).toBeNull();
  });

  it('reads group names from the GROUP NAME column', () => {
    const table = groupsTable(['Engineering Leads', 'Marketing Team']);
    document.body.append(table);
    expect(findGroupsTable(document)).toBe(table);
    expect(groupRows(table).map((row) => row.name)).toEqual(['Engineering Leads', 'Marketing Team']);
    // The note goes in the MEMBERS cell, under the count.
    expect(groupRows(table)[0]?.noteCell.textContent).toBe('3');
  });
});
