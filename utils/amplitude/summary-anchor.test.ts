import { describe, expect, it } from 'vitest';
import { findGroupsRoot, findGroupsTable, findMembersTabs, findTabPanel, groupRows, selectedMembersTab, summaryPlacement } from './summary-anchor';

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

  it('takes the tabs in any casing, and a Groups table in sentence case', () => {
    const heading = page('groups');
    for (const tab of document.querySelectorAll('[role="tab"]')) tab.textContent = (tab.textContent ?? '').toUpperCase();
    const tabs = findMembersTabs(heading);
    expect(tabs && selectedMembersTab(tabs)).toBe('groups');
    const table = groupsTable(['Engineering Leads']);
    table.setAttribute('aria-label', 'groups');
    for (const th of table.querySelectorAll('th')) th.textContent = (th.textContent ?? '').charAt(0) + (th.textContent ?? '').slice(1).toLowerCase();
    document.querySelector('[role="tabpanel"]')!.append(table);
    expect(findGroupsTable(document)).toBe(table);
    expect(groupRows(table).map((row) => [row.name, row.noteCell.textContent])).toEqual([['Engineering Leads', '3']]);
    expect(findGroupsRoot(heading)?.id).toBe('panel-groups');
  });

  it('reads the rows of a Groups grid of divs', () => {
    document.body.innerHTML = `<div role="grid" aria-label="Groups">
      <div role="row"><div role="columnheader">Select</div><div role="columnheader">GROUP NAME</div><div role="columnheader">MEMBERS</div></div>
      <div role="row"><div role="gridcell"><input type="checkbox"></div><div role="gridcell"><a href="#">Data Platform</a></div><div role="gridcell">4</div></div>
    </div>`;
    const grid = findGroupsTable(document)!;
    expect(groupRows(grid).map((row) => [row.name, row.noteCell.textContent])).toEqual([['Data Platform', '4']]);
  });

  it('places the summary first in the tab panel, else after the tabs, else at the end of the section, saying which landmark it missed', () => {
    const heading = page('users');
    const section = heading.parentElement!;
    const panel = document.querySelector('[role="tabpanel"]')!;
    expect(summaryPlacement(heading, findMembersTabs(heading))).toEqual({ anchor: panel, append: 'first', fallback: null, watch: section });
    panel.remove();
    const tabs = findMembersTabs(heading)!;
    expect(summaryPlacement(heading, tabs)).toEqual({ anchor: tabs.tablist, append: 'after', fallback: 'under-tabs', watch: section });
    tabs.tablist.remove();
    expect(summaryPlacement(heading, null)).toEqual({ anchor: section, append: 'last', fallback: 'end-of-section', watch: document.body });
  });
});
