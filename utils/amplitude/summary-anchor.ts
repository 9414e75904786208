/**
 * Where the summary panel and the Groups-tab notes go. Amplitude knowledge: every locator here
 * finds by ARIA role, accessible name or visible text, with its evidence. Labels are compared by
 * meaning (names.ts): "Users", "users" and "USERS" are the same tab, "Group name" the same column.
 *
 * - The page has two tabs, Users and Groups [shot]. That they are an ARIA `tablist` with `tab`s
 *   and a `tabpanel` is our assumption [guess].
 * - The Groups tab lists groups in a table with a GROUP NAME column whose names are links and a
 *   MEMBERS column with a count [shot];
 *   that the table is named "Groups" and the name is a button or link inside the cell is [guess].
 */
import { accessibleName, nameStartsWith, sameName, textOf as text } from './names';
import { findMembersSection } from './page';

/** [shot] Tab labels. */
export const USERS_TAB_TEXT = 'Users';
export const GROUPS_TAB_TEXT = 'Groups';
/** [shot] The column holding the group's name. */
export const GROUP_NAME_HEADER_TEXT = 'GROUP NAME';
/** [shot] The column with the group's member count; our note goes there, under the count. */
export const MEMBERS_HEADER_TEXT = 'MEMBERS';
/** [guess] The Groups table's accessible name. */
export const GROUPS_TABLE_NAME = 'Groups';

export interface MembersTabs {
  tablist: HTMLElement;
  usersTab: HTMLElement;
  groupsTab: HTMLElement | null;
}

/**
 * [guess] The tablist that holds a tab "Users" (and "Groups"), nearest to the heading first: the
 * first `[role=tablist]` after the heading in document order.
 */
export function findMembersTabs(heading: HTMLElement, root: ParentNode = document): MembersTabs | null {
  for (const tablist of root.querySelectorAll<HTMLElement>('[role="tablist"]')) {
    if (!(heading.compareDocumentPosition(tablist) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    const tabs = [...tablist.querySelectorAll<HTMLElement>('[role="tab"]')];
    const usersTab = tabs.find((tab) => sameName(accessibleName(tab), USERS_TAB_TEXT));
    if (usersTab) return { tablist, usersTab, groupsTab: tabs.find((tab) => sameName(accessibleName(tab), GROUPS_TAB_TEXT)) ?? null };
  }
  return null;
}

export type MembersTabKey = 'users' | 'groups' | 'unknown';

/** [guess] Which tab is selected, from `aria-selected`. */
export function selectedMembersTab(tabs: MembersTabs): MembersTabKey {
  if (tabs.usersTab.getAttribute('aria-selected') === 'true') return 'users';
  if (tabs.groupsTab?.getAttribute('aria-selected') === 'true') return 'groups';
  return 'unknown';
}

/**
 * [guess] The tab panel under the tabs: the element the selected tab's `aria-controls` names, else
 * the first `[role=tabpanel]` after the tablist.
 */
export function findTabPanel(tabs: MembersTabs, root: Document | ShadowRoot = document): HTMLElement | null {
  for (const tab of [tabs.usersTab, tabs.groupsTab]) {
    const id = tab?.getAttribute('aria-selected') === 'true' ? tab.getAttribute('aria-controls') : null;
    const panel = id ? root.getElementById(id) : null;
    if (panel) return panel;
  }
  for (const panel of root.querySelectorAll<HTMLElement>('[role="tabpanel"]')) {
    if (tabs.tablist.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING) return panel;
  }
  return null;
}

/** [guess] The Groups table: a table named "Groups", else a table with a GROUP NAME column header. */
export function findGroupsTable(root: ParentNode): HTMLTableElement | null {
  const tables = [...root.querySelectorAll<HTMLTableElement>('table, [role="table"], [role="grid"]')];
  return (
    tables.find((table) => sameName(accessibleName(table), GROUPS_TABLE_NAME)) ??
    tables.find((table) => groupNameColumn(table) >= 0) ??
    null
  );
}

function columnIndex(table: HTMLTableElement, matches: (header: string) => boolean): number {
  const headerRow = table.querySelector('thead tr, tr:has(> th), [role="row"]:has(> [role="columnheader"])') ?? table.querySelector('tr, [role="row"]');
  if (!headerRow) return -1;
  return [...headerRow.children].findIndex((cell) => matches(text(cell)));
}

/** [shot] The index of the GROUP NAME column (its header's visible text), or -1. */
export function groupNameColumn(table: HTMLTableElement): number {
  return columnIndex(table, (header) => nameStartsWith(header, GROUP_NAME_HEADER_TEXT));
}

export interface GroupRow {
  row: HTMLElement;
  /** The MEMBERS cell [shot] (else the name cell): our note goes at its end. */
  noteCell: HTMLElement;
  name: string;
}

/**
 * [shot] The body rows of the Groups table with each row's group name: the name link/button's
 * text [guess], else the cell's text. Rows without a name cell (e.g. "No groups match.") are skipped.
 */
export function groupRows(table: HTMLTableElement): GroupRow[] {
  const column = groupNameColumn(table);
  if (column < 0) return [];
  const membersColumn = columnIndex(table, (header) => sameName(header, MEMBERS_HEADER_TEXT));
  const rows: GroupRow[] = [];
  for (const row of table.querySelectorAll<HTMLElement>('tbody tr, [role="row"]')) {
    if (row.closest('thead') || row.querySelector(':scope > th, :scope > [role="columnheader"]')) continue;
    const cells = [...row.children];
    if (cells.length <= column) continue;
    const nameCell = cells[column] as HTMLElement;
    const name = text(nameCell.querySelector('a, button, [role="link"], [role="button"]') ?? nameCell);
    const membersCell = membersColumn >= 0 ? (cells[membersColumn] as HTMLElement | undefined) : undefined;
    if (name) rows.push({ row, noteCell: membersCell ?? nameCell, name });
  }
  return rows;
}

/** Where the summary panel goes, and how far that is from where it belongs. */
export interface SummaryPlacement {
  anchor: Element;
  /** First child of `anchor`, its last child, or right after it. */
  append: 'first' | 'last' | 'after';
  /** The landmark that was missing: the panel sits under the tabs, or at the end of the page's section. */
  fallback: 'under-tabs' | 'end-of-section' | null;
  /**
   * [guess] The element whose children change when the console re-renders the place: the panel is
   * replaced within its parent on a tab switch, so that parent is watched.
   */
  watch: Element | null;
}

/**
 * [guess] The summary panel's place: first in the Users tab panel; without a panel, right after the
 * tabs; without tabs, at the end of the heading's section (so nothing placed after the heading, such
 * as the chip, moves).
 */
export function summaryPlacement(heading: HTMLElement, tabs: MembersTabs | null): SummaryPlacement {
  const panel = tabs ? findTabPanel(tabs) : null;
  if (panel) return { anchor: panel, append: 'first', fallback: null, watch: panel.parentElement };
  if (tabs) return { anchor: tabs.tablist, append: 'after', fallback: 'under-tabs', watch: tabs.tablist.parentElement };
  const section = findMembersSection(heading);
  return section
    ? { anchor: section, append: 'last', fallback: 'end-of-section', watch: section.parentElement }
    : { anchor: heading, append: 'after', fallback: 'end-of-section', watch: null };
}

/** [guess] What the Groups-tab notes watch: the tab panel, else the page's section. */
export function findGroupsRoot(heading: HTMLElement): Element | null {
  const tabs = findMembersTabs(heading);
  return (tabs && findTabPanel(tabs)) ?? findMembersSection(heading);
}
