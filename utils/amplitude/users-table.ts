/**
 * The Users table of Members & Groups: where it lives, its rows, and each row's email. Everything
 * here is Amplitude knowledge; found by ARIA role, accessible name and visible text, never by class.
 *
 * Evidence (console-reference.md, section 2):
 * - tabs "Users" and "Groups" [shot]; that they follow the ARIA tabs pattern (tab -> aria-controls ->
 *   tabpanel) [guess]
 * - a row per user with "name on the first line and email on the second" [doc, shot]
 * - views "Joined Users" / "Pending Users" [doc]; that each is a table named "Joined users" /
 *   "Pending users" [guess]
 * - a pending invitee's name may be their email, shown once [guess]
 * - each row starts with a checkbox "Select <name>" [doc: rows are selectable; name: guess]
 */

/** [guess] Accessible names of the Users table in its two views. */
export const USERS_TABLE_NAMES = ['Joined users', 'Pending users'] as const;
export type UsersView = 'joined' | 'pending';

/** [shot] The tab whose panel holds the Users table. */
export const USERS_TAB_TEXT = 'Users';

/** A plain email address, as shown in a row. Deliberately simple: we match it against the snapshot. */
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

const text = (element: Element): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => element.ownerDocument.getElementById(id))
      .filter((node): node is HTMLElement => node !== null)
      .map(text)
      .join(' ');
  }
  const caption = element.querySelector(':scope > caption');
  return caption ? text(caption) : '';
}

/**
 * The narrowest stable element that contains the Users table across paging, search and view
 * changes: the parent of the tab panels (the table itself is replaced when views switch).
 * [guess] tab "Users" -> aria-controls -> tabpanel; falls back to the parent of any tabpanel
 * next to the tab list, then to the heading's section.
 */
export function findUsersRoot(heading: Element, doc: Document = heading.ownerDocument): Element | null {
  for (const tab of doc.querySelectorAll('[role="tab"]')) {
    if (text(tab) !== USERS_TAB_TEXT) continue;
    const panelId = tab.getAttribute('aria-controls');
    const panel = panelId ? doc.getElementById(panelId) : null;
    if (panel?.parentElement) return panel.parentElement;
    const tablist = tab.closest('[role="tablist"]');
    if (tablist?.parentElement) return tablist.parentElement;
  }
  return heading.parentElement;
}

/** The Users tables present under `root` ("Joined users" and/or "Pending users"). */
export function findUsersTables(root: ParentNode): { table: Element; view: UsersView }[] {
  const found: { table: Element; view: UsersView }[] = [];
  for (const table of root.querySelectorAll('table, [role="table"], [role="grid"]')) {
    const name = accessibleName(table);
    if (name === 'Joined users') found.push({ table, view: 'joined' });
    else if (name === 'Pending users') found.push({ table, view: 'pending' });
  }
  return found;
}

/**
 * The rows that stand for a user: rows with a selection checkbox [doc/guess], which leaves out the
 * header row ("Select all users on this page" sits in a header cell) and the empty-state row.
 */
export function userRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const row of table.querySelectorAll('tr, [role="row"]')) {
    if (row.closest('thead') || row.querySelector('th, [role="columnheader"]')) continue;
    if (!row.querySelector('input[type="checkbox"], [role="checkbox"]')) continue;
    rows.push(row);
  }
  return rows;
}

/** The leaf elements (no element children) of a node, in document order, skipping our own hosts. */
function leaves(root: Element, skip: (element: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (element: Element) => {
    if (skip(element)) return;
    if (element.children.length === 0) out.push(element);
    else for (const child of element.children) walk(child);
  };
  walk(root);
  return out;
}

export interface RowPerson {
  /** The email as shown, trimmed (compare case-insensitively). */
  email: string;
  /** The cell holding name and email: where a badge belongs. */
  cell: Element;
  /** The element showing the email. */
  emailElement: Element;
}

/**
 * The email shown in a row and its cell. [doc] name over email; [guess] the first cell whose text
 * includes an email-looking leaf; the last such leaf is the email (the name comes first, and a
 * pending invitee's name may itself be their email). `skip` leaves out nodes we inserted.
 */
export function rowPerson(row: Element, skip: (element: Element) => boolean = () => false): RowPerson | null {
  for (const cell of row.querySelectorAll('td, [role="cell"], [role="gridcell"]')) {
    if (cell.querySelector('input[type="checkbox"], [role="checkbox"]')) continue;
    let match: Element | null = null;
    for (const leaf of leaves(cell, skip)) if (EMAIL.test(text(leaf))) match = leaf;
    if (match) return { email: text(match), cell, emailElement: match };
  }
  return null;
}
