/**
 * The Users list of Members & Groups: where it lives, its rows, and what each row shows of its
 * person. Everything here is Amplitude knowledge; found by structure, ARIA role, accessible name and
 * visible text, never by class. Which member a row is: row-identity.ts.
 *
 * Evidence (console-reference.md, section 2):
 * - tabs "Users" and "Groups" [shot]; that they follow the ARIA tabs pattern (tab -> aria-controls ->
 *   tabpanel) [guess]; compared by meaning (summary-anchor.ts)
 * - a row per user with "name on the first line and email on the second" [doc, shot]; how exactly the
 *   email is shown (its own line, a `title`, "Name · email", a `mailto:` link) is not known, so
 *   every one of them is read [guess]
 * - rows are selectable [doc]: each row holds a checkbox, the header a "select all" one [guess]
 * - views "Joined Users" / "Pending Users" [doc]; that each is a table named "Joined users" /
 *   "Pending users" [guess]. The name is only a hint: the list is found by its structure, a
 *   `<table>`, an ARIA grid or plain divs, whose rows hold a checkbox and a person.
 * - a pending invitee's name may be their email, shown once [guess]
 * - while it loads (another view, page or search), the list says so by `aria-busy` on itself or
 *   around it, or by a visible "Loading…" text beside it; plain markup may do only the latter [guess]
 */
import { collapse, accessibleName, CHECKBOX_SELECTOR, DIALOG_SELECTOR, nameStartsWith, sameName } from './names';
import { emailsIn, mailtoAddress, withoutEmails } from './emails';
import { findMembersSection } from './page';
import { findMembersTabs, findTabPanel, selectedMembersTab } from './summary-anchor';

export type UsersView = 'joined' | 'pending';
/** [guess] Accessible names of the Users table in its two views: a hint, never required. */
export const USERS_TABLE_NAMES: Record<UsersView, string> = { joined: 'Joined users', pending: 'Pending users' };
/** [doc] The two views' names, as their controls show them. */
export const USERS_VIEW_NAMES: Record<UsersView, string> = { joined: 'Joined Users', pending: 'Pending Users' };
/** [guess] The header's checkbox: "Select all users on this page". It is not a person. */
export const SELECT_ALL_TEXT = 'Select all';

/** Leaves out nodes we inserted ourselves (badges, notes): never evidence of a person. */
export type Skip = (element: Element) => boolean;
const keepAll: Skip = () => false;

const ROW = 'tr, [role="row"]';
const LIST = 'table, [role="table"], [role="grid"], [role="treegrid"]';
const CELL = 'td, th, [role="gridcell"], [role="cell"], [role="rowheader"]';
const HEADER_CELL = 'th:not([scope="row"]), [role="columnheader"]';
/** Controls: their text is not the person's name, nor where the badge goes. */
const CONTROL =
  'button, [role="button"], select, input, textarea, [role="combobox"], [role="listbox"], [role="option"], [role="menu"], [role="menuitem"], [role="checkbox"], [role="switch"]';
/** [guess] How a view control says it is the one shown. */
const SELECTED_CONTROL = '[aria-pressed="true"], [aria-selected="true"], [aria-checked="true"], [aria-current="true"], [aria-current="page"], input[type="radio"]:checked';

/**
 * The narrowest stable element that contains the Users list across paging, search and view
 * changes: the parent of the tab panels (the list itself is replaced when views switch).
 * [guess] tab "Users" -> tabpanel; else the tabs' parent; else the heading's section.
 */
export function findUsersRoot(heading: HTMLElement, doc: Document = heading.ownerDocument): Element | null {
  const tabs = findMembersTabs(heading, doc);
  const panel = tabs && findTabPanel(tabs, doc);
  return panel?.parentElement ?? tabs?.tablist.parentElement ?? findMembersSection(heading);
}

/**
 * Where the Users list is shown now: the Users tab's panel; null while another tab is shown;
 * without tabs, the heading's section.
 */
export function findUsersArea(heading: HTMLElement, doc: Document = heading.ownerDocument): Element | null {
  const tabs = findMembersTabs(heading, doc);
  if (!tabs) return findMembersSection(heading);
  if (selectedMembersTab(tabs) === 'groups') return null;
  return findTabPanel(tabs, doc) ?? tabs.tablist.parentElement;
}

export interface UsersList {
  /** The table, grid, or the element holding the rows. */
  element: Element;
  /** The rows that stand for a person, in order (no header, no empty-state row). */
  rows: Element[];
}

/** The header's checkbox: in a header cell or row, or named "Select all ..." [guess]. */
function isSelectAll(box: Element): boolean {
  return !!box.closest(`thead, ${HEADER_CELL}`) || nameStartsWith(accessibleName(box), SELECT_ALL_TEXT);
}

function isHeaderRow(row: Element): boolean {
  return !!row.closest('thead') || !!row.querySelector(`:scope > ${HEADER_CELL}`);
}

/** Text or an email in `element`, apart from the checkbox and its label: the element shows a person. */
function showsPerson(element: Element, box: Element, skip: Skip): boolean {
  const label = box.closest('label');
  const walk = (node: Element): boolean => {
    if (node === box || node === label || skip(node)) return false;
    if (node.getAttribute('title') && emailsIn(node.getAttribute('title')).length) return true;
    if (mailtoAddress(node.getAttribute('href'))) return true;
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE ? !!child.nodeValue?.trim() : child instanceof Element && walk(child)) return true;
    }
    return false;
  };
  return walk(element);
}

/**
 * The row of a selection checkbox: its table or grid row; in plain divs, the nearest ancestor that
 * shows a person and holds no other checkbox (the list around the rows holds them all).
 */
function rowOf(box: Element, area: Element, skip: Skip): Element | null {
  const row = box.closest(ROW);
  if (row && area.contains(row)) return isHeaderRow(row) ? null : row;
  for (let at = box.parentElement; at && at !== area; at = at.parentElement) {
    if (at.querySelectorAll(CHECKBOX_SELECTOR).length > 1) return null;
    if (showsPerson(at, box, skip)) return at;
  }
  return null;
}

/** [guess] The list is named for a view: "Joined users" or "Pending users" (any casing). */
function namedView(list: Element): UsersView | null {
  const named = list.hasAttribute('aria-label') || list.hasAttribute('aria-labelledby') || !!list.querySelector(':scope > caption');
  const name = named ? accessibleName(list) : '';
  return sameName(name, USERS_TABLE_NAMES.joined) ? 'joined' : sameName(name, USERS_TABLE_NAMES.pending) ? 'pending' : null;
}

export interface UsersViewEvidence {
  view: UsersView | null;
  /** What told it: the list's name, the selected view control [guess], the address [guess]; null: nothing. */
  from: 'name' | 'control' | 'address' | null;
}

/**
 * Which view a list shows, Joined or Pending: its name if it has one, else the selected view
 * control's text [guess], else `?view=` in the address [guess], else unknown. Nothing the extension
 * shows depends on it: a row is tied to its person the same way in both views (row-identity.ts),
 * which is why the content script does not compute it; it is here so that the evidence for it,
 * should a feature need it, is in one place.
 */
export function usersView(list: Element, area: Element, href: string): UsersViewEvidence {
  const named = namedView(list);
  if (named) return { view: named, from: 'name' };
  for (const control of area.querySelectorAll(SELECTED_CONTROL)) {
    if (list.contains(control)) continue;
    const label = accessibleName(control);
    for (const view of ['joined', 'pending'] as const) if (sameName(label, USERS_VIEW_NAMES[view])) return { view, from: 'control' };
  }
  let param: string | null = null;
  try {
    param = new URL(href).searchParams.get('view');
  } catch {
    // no address, no evidence
  }
  return param === 'pending' || param === 'joined' ? { view: param, from: 'address' } : { view: null, from: null };
}

/**
 * The Users lists in `area` (findUsersArea): tables, grids or plain divs whose rows hold a
 * checkbox and show a person; also a table or grid named "Joined users"/"Pending users", or with a
 * "select all" header, while it has no rows. Checkboxes in dialogs and in our own nodes are not rows.
 */
export function findUsersLists(area: Element, skip: Skip = keepAll): UsersList[] {
  const rowsByList = new Map<Element, Element[]>();
  const add = (list: Element, row?: Element) => {
    const rows = rowsByList.get(list) ?? [];
    if (row && !rows.includes(row)) rows.push(row);
    rowsByList.set(list, rows);
  };
  for (const box of area.querySelectorAll(CHECKBOX_SELECTOR)) {
    if (box.closest(DIALOG_SELECTOR) || ancestorSkipped(box, area, skip)) continue;
    if (isSelectAll(box)) {
      const list = box.closest(LIST);
      if (list && area.contains(list)) add(list);
      continue;
    }
    const row = rowOf(box, area, skip);
    if (!row) continue;
    const list = row.closest(LIST);
    add(list && area.contains(list) ? list : (row.parentElement ?? row), row);
  }
  for (const list of area.querySelectorAll(LIST)) {
    if (!rowsByList.has(list) && namedView(list)) add(list);
  }
  return [...rowsByList]
    .sort(([a], [b]) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
    .map(([element, rows]) => ({ element, rows }));
}

function ancestorSkipped(element: Element, stop: Element, skip: Skip): boolean {
  for (let at: Element | null = element; at && at !== stop; at = at.parentElement) if (skip(at)) return true;
  return false;
}

/** What a row shows of its person, before anyone is matched against the org's data. */
export interface RowReading {
  /** Every distinct email in the row (text, `title`, `aria-label`, `mailto:`), lower-cased, in order. */
  emails: string[];
  /** Every text the row shows outside its controls, and each without its emails ("Name · email" gives "Name" too). */
  texts: string[];
  /** The texts of `anchor` without their emails: the name candidates. */
  names: string[];
  /** Where a badge goes: the cell (or, in plain divs, the element) holding the name; null when none. */
  anchor: Element | null;
}

/** The cell holding `element`: its table/grid cell, else (plain divs) the row's child it sits in. */
function cellOf(element: Element, row: Element): Element | null {
  const cell = element.closest(CELL);
  if (cell && row.contains(cell) && cell !== row) return cell;
  let at: Element | null = element;
  while (at && at.parentElement !== row) at = at.parentElement;
  return at;
}

/**
 * Reads a row: its emails wherever they are, its texts, and where the name is. The name's place:
 * the cell showing an email as text, else the one with an email in a `title` or `mailto:` link,
 * else the first cell showing text outside a control. `skip` leaves out nodes we inserted.
 */
export function readRow(row: Element, skip: Skip = keepAll): RowReading {
  const emails: string[] = [];
  const shown: { text: string; element: Element }[] = [];
  let emailText: Element | null = null;
  let emailAttribute: Element | null = null;
  const note = (found: readonly string[]) => {
    for (const email of found) if (!emails.includes(email)) emails.push(email);
    return found.length > 0;
  };
  const walk = (element: Element, inControl: boolean, hidden: boolean) => {
    if (skip(element)) return;
    // A label around a checkbox ("Select") names the control, not the person.
    const control = inControl || element.matches(CONTROL) || (element.localName === 'label' && !!element.querySelector(CHECKBOX_SELECTOR));
    const quiet = hidden || element.getAttribute('aria-hidden') === 'true';
    note(emailsIn(element.getAttribute('aria-label')));
    const mailto = mailtoAddress(element.getAttribute('href'));
    const inTitle = note(emailsIn(element.getAttribute('title')));
    if ((note(mailto ? [mailto] : []) || inTitle) && !control) emailAttribute ??= element;
    // The element's own text comes before its children's: document order, so "first" means first shown.
    let own = '';
    for (const child of element.childNodes) if (child.nodeType === Node.TEXT_NODE) own += ` ${child.nodeValue ?? ''}`;
    own = collapse(own);
    if (own) {
      if (note(emailsIn(own)) && !control) emailText ??= element;
      if (!control && !quiet) shown.push({ text: own, element });
    }
    for (const child of element.children) walk(child, control, quiet);
  };
  walk(row, false, false);
  const place = emailText ?? emailAttribute ?? shown[0]?.element ?? null;
  const anchor = place && place !== row ? cellOf(place, row) : place;
  const texts: string[] = [];
  const names: string[] = [];
  for (const { text, element } of shown) {
    const bare = withoutEmails(text);
    for (const value of bare && bare !== text ? [text, bare] : [text]) if (!texts.includes(value)) texts.push(value);
    if (bare && anchor?.contains(element) && !names.includes(bare)) names.push(bare);
  }
  return { emails, texts, names, anchor };
}

/**
 * [guess] A loading message: "Loading…", "Loading pending users…", "Loading users..." (any
 * casing). Only short texts: a sentence that mentions loading is not a loading state.
 */
const LOADING_TEXT = /^loading\b[^]{0,60}(…|\.\.\.)$/i;

function hiddenFromView(element: Element, stop: Element): boolean {
  for (let at: Element | null = element; at && at !== stop.parentElement; at = at.parentElement) {
    if (at.hasAttribute('hidden') || at.getAttribute('aria-hidden') === 'true') return true;
    const style = (at as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  }
  return false;
}

/**
 * Whether the Users list is loading (another view, page or search is on its way, the rows shown
 * may be the old ones): `aria-busy="true"` on the list or around it, or a loading message shown
 * in the list's area outside dialogs [guess]. `list`: the list found, if any; `area`: where it is
 * shown (findUsersArea). Our own nodes are in shadow roots, never seen here; `skip` leaves out
 * any other we inserted.
 */
export function usersListLoading(area: Element, list: Element | null, skip: Skip = keepAll): boolean {
  if (list?.closest('[aria-busy="true"]')) return true;
  // No list yet: anything busy in the area (a cell busy inside a list, saving a role, is not the list loading).
  if (!list) {
    for (const busy of area.querySelectorAll('[aria-busy="true"]')) if (!busy.closest(DIALOG_SELECTOR) && !ancestorSkipped(busy, area, skip)) return true;
  }
  const walker = area.ownerDocument.createTreeWalker(area, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length > 80 || !/loading/i.test(text)) continue;
    const element = node.parentElement;
    if (!element || !LOADING_TEXT.test(collapse(element.textContent))) continue;
    if (element.closest(DIALOG_SELECTOR) || ancestorSkipped(element, area, skip) || hiddenFromView(element, area)) continue;
    return true;
  }
  return false;
}
