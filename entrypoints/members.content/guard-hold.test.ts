import { describe, expect, it } from 'vitest';
import { guardHold } from './guard-hold';

function dialogWithGuard(held: boolean): HTMLElement {
  const dialog = document.createElement('div');
  const host = document.createElement('div');
  host.setAttribute('data-admin-lens', 'removal-guard');
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = `<ul class="alrg-reasons"><li>Admin Lens could not read the email of "Hannah Schmidt" in the dialog.</li></ul>${held ? '<p class="alrg-held">Admin Lens held this removal back. Nothing was removed.</p>' : ''}`;
  dialog.append(host);
  return dialog;
}

describe('guardHold', () => {
  it('reads the hold with the guard\'s reasons', () => {
    expect(guardHold(dialogWithGuard(true))).toBe('Admin Lens held this removal back. Nothing was removed. Admin Lens could not read the email of "Hannah Schmidt" in the dialog.');
  });

  it('is null while the guard only warns, and without a guard', () => {
    expect(guardHold(dialogWithGuard(false))).toBeNull();
    expect(guardHold(document.createElement('div'))).toBeNull();
  });
});
