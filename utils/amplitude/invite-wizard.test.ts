/**
 * The wizard driver against a small fake of the console's wizard in plain DOM (happy-dom): how
 * emails are committed, that nothing is sent unless the review shows exactly the batch, that a
 * missing landmark stops before Send with its name, and that the wizard we opened is closed.
 * The real flow on every markup variant of the double is e2e (test/e2e/bulk-invite-variants.spec.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chooseByName, sendThroughWizard, type WizardBatch } from './invite-wizard';

type Commit = 'enter' | 'comma' | 'blur';

interface FakeOptions {
  /** How the email field makes chips. */
  chipOn?: Commit[];
  /** The dialog's role, and whether it is named by aria-labelledby or only by its heading. */
  role?: 'dialog' | 'alertdialog';
  labelled?: boolean;
  /** Step headings with "Step i of n: ", and in which casing. */
  stepPrefix?: boolean;
  upper?: boolean;
  /** Buttons as `div role="button"`. */
  divButtons?: boolean;
  /** The review's list: named, unnamed, or absent. */
  review?: 'named' | 'unnamed' | 'none';
  /** Someone the review shows besides the batch (a leftover chip). */
  reviewExtra?: string;
  /** After Send, the wizard stays (fading out) this long before it is gone; default: gone at once. */
  fadeOutMs?: number;
}

/** A wizard with the steps of a console without groups or teams: emails, access, defaults, review. */
function fakeConsole(options: FakeOptions = {}) {
  const sent: string[][] = [];
  const chipOn = new Set(options.chipOn ?? ['enter', 'comma', 'blur']);
  const label = (text: string) => (options.upper ? text.toUpperCase() : text);
  const steps = ['Add Users', 'Assign Access', 'Default Project & Team Spaces', 'Review'];
  let emails: string[] = [];
  let dialog: HTMLElement | null = null;

  const button = (text: string, onClick: () => void, name?: string) => {
    const element = document.createElement(options.divButtons ? 'div' : 'button');
    if (options.divButtons) element.setAttribute('role', 'button');
    element.textContent = label(text);
    if (name) element.setAttribute('aria-label', label(name));
    element.addEventListener('click', () => {
      if (element.getAttribute('aria-disabled') !== 'true') onClick();
    });
    return element;
  };

  function open() {
    emails = [];
    dialog = document.createElement('div');
    dialog.setAttribute('role', options.role ?? 'dialog');
    document.body.append(dialog);
    show(0);
  }
  function close() {
    dialog?.remove();
    dialog = null;
  }
  function show(index: number) {
    if (!dialog) return;
    const title = document.createElement('h2');
    title.id = 'wizard-title';
    title.textContent = label('Invite New Users');
    if (options.labelled ?? true) dialog.setAttribute('aria-labelledby', 'wizard-title');
    const heading = document.createElement('h3');
    heading.textContent = (options.stepPrefix ?? true ? `${label('Step')} ${index + 1} ${label('of')} ${steps.length}: ` : '') + label(steps[index]!);
    const body = document.createElement('div');
    const footer = document.createElement('footer');
    footer.append(button('×', close, 'Close'));
    if (index === 0) body.append(...emailStep());
    if (index === 3 && options.review !== 'none') body.append(reviewList());
    if (index < 3) {
      const next = button('Next', () => show(index + 1));
      if (index === 0 && emails.length === 0) next.setAttribute('aria-disabled', 'true');
      footer.append(next);
    } else {
      footer.append(button('Send', () => {
        sent.push([...emails]);
        if (options.fadeOutMs) {
          const fading = dialog;
          setTimeout(() => {
            fading?.remove();
            if (dialog === fading) dialog = null;
          }, options.fadeOutMs);
        } else close();
        const toast = document.createElement('div');
        toast.setAttribute('role', 'status');
        toast.textContent = label(`Invitations sent to ${emails.length} users`);
        document.body.append(toast);
      }));
    }
    dialog.replaceChildren(title, heading, body, footer);
  }
  function emailStep(): HTMLElement[] {
    const field = document.createElement('label');
    field.textContent = label('Email addresses');
    const input = document.createElement('input');
    input.type = 'text';
    field.append(input);
    const commit = () => {
      const typed = input.value.split(/[\s,]+/).filter(Boolean);
      if (typed.length === 0) return;
      emails.push(...typed.filter((email) => !emails.includes(email)));
      input.value = '';
      show(0);
    };
    input.addEventListener('keydown', (event) => {
      if ((event.key === 'Enter' && chipOn.has('enter')) || (event.key === ',' && chipOn.has('comma'))) {
        event.preventDefault();
        commit();
      }
    });
    input.addEventListener('focusout', () => chipOn.has('blur') && commit());
    const chips = document.createElement('ul');
    chips.setAttribute('aria-label', label('Emails to invite'));
    for (const email of emails) {
      const chip = document.createElement('li');
      const text = document.createElement('span');
      text.textContent = email;
      chip.append(text, button('×', () => undefined, `Remove ${email}`));
      chips.append(chip);
    }
    return [field, chips];
  }
  function reviewList(): HTMLElement {
    const list = document.createElement('ul');
    if (options.review !== 'unnamed') list.setAttribute('aria-label', label('Users to invite'));
    for (const email of [...emails, ...(options.reviewExtra ? [options.reviewExtra] : [])]) {
      const line = document.createElement('li');
      line.textContent = `${email} — ${label('No team')}`;
      list.append(line);
    }
    return list;
  }

  document.body.append(button('Invite New Users', open));
  return { sent, wizardOpen: () => dialog !== null };
}

const batch = (...emails: string[]): WizardBatch => ({
  invites: emails.map((email) => ({ email, team: null })),
  groups: [],
  projects: [],
  orgRole: null,
  defaultProject: null,
  teamSpaces: [],
});
const fast = { timeoutMs: 600, chipTimeoutMs: 150, sendTimeoutMs: 1_000 };

afterEach(() => document.body.replaceChildren());

describe('sendThroughWizard', () => {
  it('sends a batch through the default rendition and leaves the wizard closed', async () => {
    const console = fakeConsole();
    const outcome = await sendThroughWizard(batch('ana@new.example', 'ben@new.example'), fast);
    expect(outcome).toEqual({ ok: true, toast: 'Invitations sent to 2 users' });
    expect(console.sent).toEqual([['ana@new.example', 'ben@new.example']]);
    expect(console.wizardOpen()).toBe(false);
  });

  it('answers as soon as the console says Sent, and the next batch waits for the wizard to fade out before opening it again', async () => {
    const console = fakeConsole({ fadeOutMs: 120 });
    const first = await sendThroughWizard(batch('ana@new.example'), fast);
    expect(first).toEqual({ ok: true, toast: 'Invitations sent to 1 users' });
    // Not waited for: the runner records the batch while the wizard fades out.
    expect(console.wizardOpen()).toBe(true);
    const second = await sendThroughWizard(batch('ben@new.example'), fast);
    expect(second.ok).toBe(true);
    expect(console.sent).toEqual([['ana@new.example'], ['ben@new.example']]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(console.wizardOpen()).toBe(false);
    expect(document.querySelectorAll('[role="dialog"]')).toHaveLength(0);
  });

  it.each<[string, Commit[]]>([
    ['a comma when Enter does nothing', ['comma']],
    ['leaving the field when neither Enter nor a comma does anything', ['blur']],
  ])('commits emails with %s', async (_, chipOn) => {
    const console = fakeConsole({ chipOn });
    const outcome = await sendThroughWizard(batch('ana@new.example', 'ben@new.example', 'cy@new.example'), fast);
    expect(outcome.ok).toBe(true);
    expect(console.sent).toEqual([['ana@new.example', 'ben@new.example', 'cy@new.example']]);
  });

  it('stops when no way of committing makes a chip, names the list, sends nothing and closes the wizard', async () => {
    const console = fakeConsole({ chipOn: [] });
    const outcome = await sendThroughWizard(batch('ana@new.example'), fast);
    expect(outcome).toEqual({ ok: false, reason: 'The emails did not all appear in "Emails to invite".' });
    expect(console.sent).toEqual([]);
    expect(console.wizardOpen()).toBe(false);
  });

  it('drives an alertdialog named only by its heading, in upper case, with div buttons and bare step titles', async () => {
    const console = fakeConsole({ role: 'alertdialog', labelled: false, upper: true, divButtons: true, stepPrefix: false, chipOn: ['comma'] });
    const outcome = await sendThroughWizard(batch('ana@new.example'), fast);
    expect(outcome).toEqual({ ok: true, toast: 'INVITATIONS SENT TO 1 USERS' });
    expect(console.sent).toEqual([['ana@new.example']]);
  });

  it('reads an unnamed review list by the emails in it', async () => {
    const console = fakeConsole({ review: 'unnamed' });
    expect((await sendThroughWizard(batch('ana@new.example'), fast)).ok).toBe(true);
    expect(console.sent).toHaveLength(1);
  });

  it('never sends when the review shows someone else too; the wizard is closed', async () => {
    const console = fakeConsole({ reviewExtra: 'stranger@else.example' });
    const outcome = await sendThroughWizard(batch('ana@new.example'), fast);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toMatch(/^The review does not show exactly this batch \(expected 1, shown 2: .*stranger@else\.example/);
    expect(console.sent).toEqual([]);
    expect(console.wizardOpen()).toBe(false);
  });

  it('stops before Send naming the review list when there is none', async () => {
    const console = fakeConsole({ review: 'none' });
    const outcome = await sendThroughWizard(batch('ana@new.example'), fast);
    expect(outcome).toEqual({ ok: false, reason: 'The review has no "Users to invite" list.' });
    expect(console.sent).toEqual([]);
    expect(console.wizardOpen()).toBe(false);
  });

  it('holds before Send when told to, and closes the wizard', async () => {
    const console = fakeConsole();
    const outcome = await sendThroughWizard(batch('ana@new.example'), { ...fast, beforeSend: async () => false });
    expect(outcome).toMatchObject({ ok: false, aborted: true });
    expect(console.sent).toEqual([]);
    expect(console.wizardOpen()).toBe(false);
  });

  it('names the opener when the page has none', async () => {
    const outcome = await sendThroughWizard(batch('ana@new.example'), fast);
    expect(outcome).toEqual({ ok: false, reason: 'The console\'s "Invite New Users" button is not in the page.' });
  });
});

describe('chooseByName', () => {
  const options = ['R&D', 'R D', 'Engineering', 'Sales'].map((name) => ({ name }));
  const choose = (label: string) => chooseByName(options, label, (option) => option.name);

  it('prefers the exact name, then a unique normalised one', () => {
    expect(choose('R&D')?.name).toBe('R&D');
    expect(choose('ENGINEERING')?.name).toBe('Engineering');
  });

  it('refuses to guess between names that read the same', () => {
    expect(choose('r/d')).toBeNull();
    expect(choose('Marketing')).toBeNull();
  });
});
