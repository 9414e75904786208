/**
 * Where the "Bulk invite from CSV" button goes. Amplitude knowledge: found by role and name only.
 *
 * - The Users tab has a button "Invite New Users" [doc] (console-reference.md §Users tab). That it
 *   is a native `<button>` or `role="button"` named that way is [guess]; the name is compared
 *   normalised and case-insensitively ("Invite new users", "+ Invite New Users").
 * - When it is missing, our button goes at the end of the page heading's own container (the
 *   header row or section the heading sits in) [guess: that the heading has one, as in every
 *   console page seen in screenshots], else right after the heading.
 * - The console may render its button late or re-render its toolbar: we watch the page's `<main>`
 *   for it, which holds the heading and the tabs [guess: the app shell's landmark; screenshots show
 *   the settings content beside the navigation], else the whole `<body>`.
 */
import { accessibleName, BUTTON_SELECTOR, sameName } from './names';

/** [doc] The console's own invite button's label. */
export const INVITE_BUTTON_TEXT = 'Invite New Users';

/** [doc, form guess] The console's "Invite New Users" button, or null when it is not in the page. */
export function findInviteButton(root: ParentNode = document): HTMLElement | null {
  for (const button of root.querySelectorAll<HTMLElement>(BUTTON_SELECTOR)) {
    if (sameName(accessibleName(button), INVITE_BUTTON_TEXT)) return button;
  }
  return null;
}

/** [guess] Puts `element` where our button goes when the console's invite button is missing. */
export function placeWithoutInviteButton(heading: Element, element: Element): void {
  if (heading.parentElement && heading.parentElement !== heading.ownerDocument.body) heading.parentElement.append(element);
  else heading.after(element);
}

/** [guess] The part of the page to watch for the invite button coming (back). */
export function inviteButtonWatchRoot(heading: Element): Element {
  return heading.closest('main') ?? heading.ownerDocument.body;
}
