/**
 * The "Invite New Users" wizard's parts by meaning, apart from its driver (invite-wizard.ts, loaded
 * on demand) so the diagnostics in the content script look for them with the same finders.
 *
 * Evidence (console-reference.md §4 Invite New Users):
 * - "Invite New Users" opens a modal [doc]; that it is a `dialog`, `role="dialog"` or
 *   `role="alertdialog"` named by that title, through aria-labelledby or only by a heading inside,
 *   is [guess].
 * - The steps and their order [doc]: emails with a team each, "Select Groups" (orgs with groups),
 *   "Assign Access", default project and team spaces, review, then "Send". The titles "Select
 *   Groups" and "Assign Access" are [doc]; "Add Users", "Default Project & Team Spaces" and
 *   "Review" are [guess]. A step is recognised by a heading (or the item marked `aria-current="step"`)
 *   whose words are a title, with or without a "Step i of n: " prefix [guess], in any casing.
 * - "Next" and "Send" [doc], as a `button` or `role="button"`, whose name starts with that word [guess].
 * - The driver's other names (fields, lists, "Close", messages) are [guess], as the console double
 *   renders them (test/console/app/README.md §Landmarks); they live in invite-wizard.ts.
 * Every name is compared through names.ts: normalised, case-insensitive.
 */
import { accessibleName, BUTTON_SELECTOR, DIALOG_SELECTOR, dialogTitle, HEADING_SELECTOR, nameStartsWith, normaliseName, sameName, textOf } from './names';

export type WizardStep = 'emails' | 'groups' | 'access' | 'defaults' | 'review';

/**
 * The names the finders below need, as written in the console ([doc] or [guess], see above). The
 * driver's other names (fields, lists, messages) are in invite-wizard.ts, out of the content script.
 */
export const WIZARD_PARTS = {
  dialog: 'Invite New Users',
  steps: { emails: 'Add Users', groups: 'Select Groups', access: 'Assign Access', defaults: 'Default Project & Team Spaces', review: 'Review' } satisfies Record<WizardStep, string>,
  next: 'Next',
  send: 'Send',
} as const;
const WIZARD = WIZARD_PARTS;

/** "Step 2 of 5: " (or "Step 2/5 – "), normalised, before a step title. */
const STEP_PREFIX = /^step \d+(?: of)? \d+ /;

/** The open wizard: a dialog whose title (label, or a heading inside) is "Invite New Users"; null when closed. */
export function findInviteWizard(doc: Document): HTMLElement | null {
  for (const dialog of doc.querySelectorAll<HTMLElement>(DIALOG_SELECTOR)) {
    if (sameName(dialogTitle(dialog), WIZARD.dialog)) return dialog;
    for (const heading of dialog.querySelectorAll(HEADING_SELECTOR)) if (sameName(textOf(heading), WIZARD.dialog)) return dialog;
  }
  return null;
}

/** The step a text names ("Step 1 of 4: Add Users", "ADD USERS"), or null. */
export function stepOf(text: string): WizardStep | null {
  const words = normaliseName(text).replace(STEP_PREFIX, '');
  for (const [step, title] of Object.entries(WIZARD.steps)) if (words === normaliseName(title)) return step as WizardStep;
  return null;
}

/** The wizard's current step, from its step heading (else the item marked as the current step), or null. */
export function findWizardStep(dialog: Element): WizardStep | null {
  for (const marker of dialog.querySelectorAll(`${HEADING_SELECTOR}, [aria-current="step"]`)) {
    const step = stepOf(textOf(marker));
    if (step) return step;
  }
  return null;
}

/** The wizard's buttons whose name starts with `label` ("Send" finds "Send invites", not "Sending…"). */
export function findWizardButtons(dialog: Element, label: string): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(BUTTON_SELECTOR)].filter((button) => nameStartsWith(accessibleName(button), label));
}

/** The wizard's "Next" or, on the last step, "Send" button. */
export function findWizardForward(dialog: Element): HTMLElement | null {
  return findWizardButtons(dialog, WIZARD.next)[0] ?? findWizardButtons(dialog, WIZARD.send)[0] ?? null;
}
