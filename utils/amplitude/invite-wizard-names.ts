/**
 * The "Invite New Users" wizard's parts by name, apart from its driver (invite-wizard.ts, loaded on
 * demand) so the diagnostics in the content script can look for them without the driver.
 * Evidence: the steps and their order are [doc] (console-reference.md §Invite); every accessible
 * name, step title and message text is [guess], as the console double renders them.
 */
import { accessibleName } from './remove-dialog';

/** [guess] Names and texts of the wizard's parts. */
export const WIZARD = {
  dialog: 'Invite New Users',
  stepHeading: /^Step (\d+) of (\d+): (.+)$/,
  steps: { emails: 'Add Users', groups: 'Select Groups', access: 'Assign Access', defaults: 'Default Project & Team Spaces', review: 'Review' },
  emailInput: 'Email addresses',
  emailChips: 'Emails to invite',
  teamFor: (email: string) => `Team for ${email}`,
  addProject: 'Add project',
  roleFor: (project: string) => `Role for ${project}`,
  orgLevelRole: 'Role for new users',
  defaultProject: 'Default project',
  teamSpaces: 'Team spaces',
  reviewUsers: 'Users to invite',
  reviewLine: (email: string, team: string | null) => `${email} — ${team ?? 'No team'}`,
  next: 'Next',
  send: 'Send',
  close: 'Close',
  refused: 'Nothing was sent.',
  sentToast: /^Invitations sent to (\d+) users?\b/,
} as const;

/** [guess] The open wizard: a dialog named by its title; null when it is closed. */
export function findInviteWizard(doc: Document): HTMLElement | null {
  for (const dialog of doc.querySelectorAll<HTMLElement>('[role="dialog"], dialog')) {
    if (accessibleName(dialog) === WIZARD.dialog) return dialog;
  }
  return null;
}

/** [guess] The wizard's step heading "Step i of n: <title>", or null. */
export function findWizardStep(dialog: Element): string | null {
  for (const heading of dialog.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')) {
    const match = WIZARD.stepHeading.exec((heading.textContent ?? '').replace(/\s+/g, ' ').trim());
    if (match) return match[3]!;
  }
  return null;
}

/** [guess] The wizard's "Next" or, on the last step, "Send" button. */
export function findWizardForward(dialog: Element): HTMLElement | null {
  for (const button of dialog.querySelectorAll<HTMLElement>('button, [role="button"]')) {
    const name = accessibleName(button);
    if (name === WIZARD.next || name === WIZARD.send) return button;
  }
  return null;
}
