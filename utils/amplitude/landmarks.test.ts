import { beforeEach, describe, expect, it } from 'vitest';
import { LANDMARK_PROBES, LANDMARKS, probeLandmarks } from './landmarks';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text = ''): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  if (text) element.textContent = text;
  return element;
}

/** A Members & Groups page like the double's: heading, tabs, one panel with the tab's content. */
function membersPage(options: { tab?: 'users' | 'groups'; invite?: string | null; tableName?: string } = {}) {
  const tab = options.tab ?? 'users';
  const section = el('section');
  const tablist = el('div', { role: 'tablist' });
  for (const [key, label] of [['users', 'Users'], ['groups', 'Groups']] as const) {
    tablist.append(el('button', { role: 'tab', 'aria-selected': String(key === tab), 'aria-controls': `panel-${key}` }, label));
  }
  const panel = el('div', { role: 'tabpanel', id: `panel-${tab}` });
  if (tab === 'users') {
    const invite = options.invite === undefined ? 'Invite New Users' : options.invite;
    if (invite !== null) panel.append(el('button', { type: 'button' }, invite));
    panel.append(el('table', { 'aria-label': options.tableName ?? 'Joined users' }));
  } else {
    panel.append(el('table', { 'aria-label': 'Groups' }));
  }
  section.append(el('h1', {}, 'Team Members & Groups'), tablist, panel);
  document.body.replaceChildren(section);
}

function removeDialog(withList: boolean) {
  const dialog = el('div', { role: 'dialog', 'aria-labelledby': 'rm-title' });
  dialog.append(el('h2', { id: 'rm-title' }, 'Remove Members?'));
  if (withList) dialog.append(el('ul', { 'aria-label': 'Users to remove' }));
  const label = el('label', {}, 'Transfer content to another user');
  label.prepend(el('input', { type: 'checkbox' }));
  dialog.append(label, el('button', {}, 'Cancel'), el('button', {}, 'Remove'));
  document.body.append(dialog);
}

beforeEach(() => {
  history.pushState(null, '', '/analytics/demo-org/settings/members');
});

describe('landmark probes', () => {
  it('finds every landmark of the Users tab; dialog landmarks are not on screen while it is closed', () => {
    membersPage();
    const status = probeLandmarks(document);
    expect(status).toMatchObject({
      'members-heading': 'found',
      'members-tabs': 'found',
      'tab-panel': 'found',
      'users-table': 'found',
      'invite-button': 'found',
      'groups-table': 'not-on-screen',
      'remove-dialog': 'not-on-screen',
      'remove-dialog-list': 'not-on-screen',
    });
  });

  it('names a renamed invite button and an unnamed Users table as missing', () => {
    membersPage({ invite: 'Add Users', tableName: 'People' });
    const status = probeLandmarks(document);
    expect(status['invite-button']).toBe('missing');
    expect(status['users-table']).toBe('missing');
    expect(status['members-heading']).toBe('found');
  });

  it('on the Groups tab: the Groups table is expected, the Users landmarks are not on screen', () => {
    membersPage({ tab: 'groups' });
    expect(probeLandmarks(document)).toMatchObject({ 'groups-table': 'found', 'users-table': 'not-on-screen', 'invite-button': 'not-on-screen' });
    document.querySelector('table')?.removeAttribute('aria-label');
    expect(probeLandmarks(document)['groups-table']).toBe('missing');
  });

  it('checks the Remove Members? dialog parts only while it is open', () => {
    membersPage();
    removeDialog(false);
    expect(probeLandmarks(document)).toMatchObject({
      'remove-dialog': 'found',
      'remove-dialog-list': 'missing',
      'remove-dialog-confirm': 'found',
      'remove-dialog-transfer': 'found',
    });
  });

  it('without the heading on the members URL, the heading is missing and the rest not on screen', () => {
    document.body.replaceChildren(el('h1', {}, 'Members'));
    const status = probeLandmarks(document);
    expect(status['members-heading']).toBe('missing');
    expect(status['users-table']).toBe('not-on-screen');
    history.pushState(null, '', '/analytics/demo-org/settings/projects');
    expect(probeLandmarks(document)['members-heading']).toBe('not-on-screen');
  });

  it('finds a Users list without a name by its structure (grid or plain divs), and checks that each row shows someone', () => {
    membersPage({ tableName: 'People' });
    const panel = document.querySelector('[role="tabpanel"]')!;
    panel.querySelector('table')!.remove();
    panel.insertAdjacentHTML(
      'beforeend',
      `<div><div><div><input type="checkbox" aria-label="Select all users on this page"></div><div>User</div></div>
        <div><div><div><input type="checkbox" aria-label="Select Priya"></div><div><div title="priya@example.com">Priya</div></div></div>
        <div><div><input type="checkbox" aria-label="Select Maya"></div><div>Maya Okafor</div></div></div></div>`,
    );
    expect(probeLandmarks(document)).toMatchObject({ 'users-table': 'found', 'users-row-identity': 'found' });
    // A row that shows nobody at all (only its controls).
    panel.querySelector('[aria-label="Select Maya"]')!.closest('div')!.nextElementSibling!.replaceChildren(el('button', {}, '⋯'));
    expect(probeLandmarks(document)).toMatchObject({ 'users-table': 'found', 'users-row-identity': 'missing' });
  });

  it('the rows\' identity is not on screen while the Users list has no rows', () => {
    membersPage();
    expect(probeLandmarks(document)['users-row-identity']).toBe('not-on-screen');
  });

  it('describes every probed landmark, once', () => {
    expect(LANDMARKS.map((landmark) => landmark.id).sort()).toEqual(Object.keys(LANDMARK_PROBES).sort());
  });

  it('checks the invite wizard\'s step heading and Next/Send only while it is open', () => {
    membersPage();
    expect(probeLandmarks(document)).toMatchObject({ 'invite-wizard': 'not-on-screen', 'invite-wizard-step': 'not-on-screen', 'invite-wizard-forward': 'not-on-screen' });
    const wizard = el('div', { role: 'dialog', 'aria-labelledby': 'inv-title' });
    wizard.append(el('h2', { id: 'inv-title' }, 'Invite New Users'), el('h3', {}, 'Step 1 of 5: Add Users'), el('button', {}, 'Next'));
    document.body.append(wizard);
    expect(probeLandmarks(document)).toMatchObject({ 'invite-wizard': 'found', 'invite-wizard-step': 'found', 'invite-wizard-forward': 'found' });
    wizard.querySelector('h3')!.textContent = 'Choose people';
    wizard.querySelector('button')!.textContent = 'Continue';
    expect(probeLandmarks(document)).toMatchObject({ 'invite-wizard-step': 'missing', 'invite-wizard-forward': 'missing' });
  });

  it('finds the invite wizard on other renditions: alertdialog named by a heading only, other casing, div buttons', () => {
    membersPage({ invite: 'Invite new users' });
    const wizard = el('div', { role: 'alertdialog' });
    wizard.append(el('h2', {}, 'INVITE NEW USERS'), el('h3', {}, 'add users'), el('div', { role: 'button', 'aria-disabled': 'true' }, 'NEXT'));
    document.body.append(wizard);
    expect(probeLandmarks(document)).toMatchObject({ 'invite-button': 'found', 'invite-wizard': 'found', 'invite-wizard-step': 'found', 'invite-wizard-forward': 'found' });
  });
});
