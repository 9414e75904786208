/**
 * Finding the console's parts by meaning: how a person would read a label, not how our double
 * spells it. Every locator in utils/amplitude compares names through here, so "Remove Members?",
 * "remove members", "REMOVE MEMBERS" and "Remove  Members" are the same name, and a dialog is a
 * dialog whether it is a `<dialog>`, `role="dialog"` or `role="alertdialog"`.
 */

/** Elements that can be a modal dialog. */
export const DIALOG_SELECTOR = 'dialog, [role="dialog"], [role="alertdialog"]';
/** Elements that act as a button. */
export const BUTTON_SELECTOR = 'button, [role="button"]';
/** Elements that are a heading. */
export const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
/** Elements that are a checkbox. */
export const CHECKBOX_SELECTOR = 'input[type="checkbox"], [role="checkbox"], [role="switch"]';

/** Whitespace collapsed and trimmed: text as it reads. */
export function collapse(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A name as compared: Unicode NFKC, lower case, punctuation and symbols turned into spaces,
 * whitespace collapsed. "Remove Members?" and "remove members" give "remove members";
 * "Team Members & Groups" gives "team members groups".
 */
export function normaliseName(value: string | null | undefined): string {
  return collapse((value ?? '').normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' '));
}

/** Same name after normalisation. */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  return normaliseName(a) === normaliseName(b);
}

/** `name` starts with the words of `prefix` (whole words: "Remove" matches "Remove Members", not "Removed"). */
export function nameStartsWith(name: string | null | undefined, prefix: string): boolean {
  const a = normaliseName(name);
  const b = normaliseName(prefix);
  return a === b || a.startsWith(`${b} `);
}

/** `name` holds the words of `words` in that order, as whole words. */
export function nameIncludes(name: string | null | undefined, words: string): boolean {
  const a = ` ${normaliseName(name)} `;
  return a.includes(` ${normaliseName(words)} `);
}

/** The text of a node, collapsed. */
export function textOf(node: Node | null | undefined): string {
  return collapse(node?.textContent);
}

/**
 * The accessible name of an element, as far as the page's markup tells it: aria-label,
 * aria-labelledby, a wrapping or `for` label (form fields), a table's caption, else its text.
 */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label?.trim()) return collapse(label);
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const doc = element.ownerDocument;
    const joined = labelledBy
      .split(/\s+/)
      .map((id) => textOf(doc.getElementById(id)))
      .filter(Boolean)
      .join(' ');
    if (joined) return joined;
  }
  if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) {
    const labels = element.labels ? [...element.labels] : [];
    return labels.map((l) => textOf(l)).filter(Boolean).join(' ');
  }
  if (element instanceof HTMLTableElement) {
    const caption = element.querySelector(':scope > caption');
    if (caption) return textOf(caption);
  }
  return textOf(element);
}

/** A dialog's title: its accessible name when it has a label, else its first heading's text. */
export function dialogTitle(dialog: Element): string {
  if (dialog.getAttribute('aria-label')?.trim() || dialog.getAttribute('aria-labelledby')) {
    const name = accessibleName(dialog);
    // aria-labelledby pointing at nothing falls through to the heading.
    if (name && name !== textOf(dialog)) return name;
  }
  return textOf(dialog.querySelector(HEADING_SELECTOR));
}

/** Every element under `root` matching `selector` whose accessible name satisfies `test`. */
export function byName<T extends Element = HTMLElement>(root: ParentNode, selector: string, test: (name: string) => boolean): T[] {
  return [...root.querySelectorAll<T>(selector)].filter((element) => test(accessibleName(element)));
}

/** A native or ARIA button is unavailable (disabled or aria-disabled). */
export function isDisabled(element: Element): boolean {
  return (element instanceof HTMLButtonElement && element.disabled) || element.getAttribute('aria-disabled') === 'true';
}

/** A native or ARIA checkbox is checked. */
export function isChecked(element: Element): boolean {
  if (element instanceof HTMLInputElement) return element.checked;
  return element.getAttribute('aria-checked') === 'true';
}
