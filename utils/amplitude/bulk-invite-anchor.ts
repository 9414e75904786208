/**
 * Where the "Bulk invite from CSV" button goes. Amplitude knowledge: found by role and text only.
 *
 * - The Users tab has a button "Invite New Users" [doc] (console-reference.md §Users tab). That it
 *   is a native `<button>` or `role="button"` whose visible text is exactly that is [guess].
 */

/** [doc] The console's own invite button's label. */
export const INVITE_BUTTON_TEXT = 'Invite New Users';

const text = (element: Element): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
const nameOf = (element: Element): string => element.getAttribute('aria-label')?.trim() || text(element);

/** [doc, form guess] The console's "Invite New Users" button, or null when it is not in the page. */
export function findInviteButton(root: ParentNode = document): HTMLElement | null {
  for (const button of root.querySelectorAll<HTMLElement>('button, [role="button"]')) {
    if (nameOf(button) === INVITE_BUTTON_TEXT) return button;
  }
  return null;
}
