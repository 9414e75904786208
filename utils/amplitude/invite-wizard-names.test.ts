import { beforeEach, describe, expect, it } from 'vitest';
import { findInviteWizard, findWizardButtons, findWizardForward, findWizardStep, stepOf } from './invite-wizard-names';

/** Builds markup from a string of our own (test input only, never page data). */
function page(html: string) {
  document.body.replaceChildren();
  document.body.insertAdjacentHTML('beforeend', html);
}

beforeEach(() => document.body.replaceChildren());

describe('findInviteWizard', () => {
  it('finds the dialog named by aria-labelledby, as the double renders it by default', () => {
    page('<div role="dialog" aria-labelledby="t"><h2 id="t">Invite New Users</h2><h3>Step 1 of 5: Add Users</h3></div>');
    expect(findInviteWizard(document)?.getAttribute('role')).toBe('dialog');
  });

  it.each([
    ['a <dialog> named by a heading only', '<dialog open><h2>Invite New Users</h2></dialog>'],
    ['an alertdialog with an aria-label in other casing', '<div role="alertdialog" aria-label="invite new users"></div>'],
    ['upper case, named by its heading', '<div role="dialog"><h2>INVITE NEW USERS</h2></div>'],
    ['a label pointing at nothing, the heading inside', '<div role="dialog" aria-labelledby="gone"><h2>Invite new users</h2></div>'],
    ['a title that is not the first heading', '<div role="dialog"><h3>Step 1 of 4: Add Users</h3><h2>Invite New Users</h2></div>'],
  ])('finds %s', (_, html) => {
    page(html);
    expect(findInviteWizard(document)).not.toBeNull();
  });

  it('does not take another dialog, or the invite button itself, for it', () => {
    page('<button>Invite New Users</button><div role="dialog" aria-labelledby="t"><h2 id="t">Remove Members?</h2></div>');
    expect(findInviteWizard(document)).toBeNull();
  });
});

describe('stepOf / findWizardStep', () => {
  it.each([
    ['Step 1 of 5: Add Users', 'emails'],
    ['STEP 2 OF 5: SELECT GROUPS', 'groups'],
    ['Assign access', 'access'],
    ['Step 4/5 – Default project & team spaces', 'defaults'],
    ['review', 'review'],
  ] as const)('"%s" is the step %s', (text, step) => {
    expect(stepOf(text)).toBe(step);
  });

  it.each(['Step 1 of 5', 'Add Users now', 'Reviewing', 'Users'])('"%s" is no step', (text) => {
    expect(stepOf(text)).toBeNull();
  });

  it('reads the step heading, not the list of steps beside it', () => {
    page('<div role="dialog"><h2>Invite New Users</h2><ol aria-label="Steps"><li>Add Users</li><li>Assign Access</li></ol><h3>Assign Access</h3></div>');
    expect(findWizardStep(findInviteWizard(document)!)).toBe('access');
  });

  it('falls back on the item marked as the current step when no heading names it', () => {
    page('<div role="dialog" aria-label="Invite New Users"><ol><li>Add Users</li><li aria-current="step">Review</li></ol></div>');
    expect(findWizardStep(findInviteWizard(document)!)).toBe('review');
  });

  it('is null when nothing names a step', () => {
    page('<div role="dialog" aria-label="Invite New Users"><h3>Who should join?</h3></div>');
    expect(findWizardStep(findInviteWizard(document)!)).toBeNull();
  });
});

describe('findWizardButtons / findWizardForward', () => {
  it('finds Next as a button, or a div role=button, in any casing', () => {
    page('<div role="dialog" aria-label="Invite New Users"><button aria-label="Close">×</button><div role="button" aria-disabled="true">NEXT</div></div>');
    expect(findWizardForward(findInviteWizard(document)!)?.textContent).toBe('NEXT');
  });

  it('finds Send on the last step, with more words after it, but not its busy "Sending…"', () => {
    page('<div role="dialog" aria-label="Invite New Users"><button>Back</button><button>Send invites</button></div>');
    const wizard = findInviteWizard(document)!;
    expect(findWizardForward(wizard)?.textContent).toBe('Send invites');
    wizard.querySelector('button:last-child')!.textContent = 'Sending…';
    expect(findWizardButtons(wizard, 'Send')).toEqual([]);
    expect(findWizardForward(wizard)).toBeNull();
  });

  it('finds Close by its aria-label', () => {
    page('<div role="dialog" aria-label="Invite New Users"><span role="button" aria-label="close dialog">×</span></div>');
    expect(findWizardButtons(findInviteWizard(document)!, 'Close')).toHaveLength(1);
  });
});
