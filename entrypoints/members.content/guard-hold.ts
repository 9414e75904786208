/**
 * The removal guard's hold on a "Remove Members?" dialog, in its own words, for the features that
 * drive that dialog themselves (offboarding, the change of email): after their confirm, a hold is
 * the answer (nothing reached the console), not a wait for the dialog to close. The guard's panel
 * is in an open shadow root of ours inside the dialog.
 */
const HOST_MARK = 'data-admin-lens';

/** The hold with the guard's reasons (what it could not check or found unsafe); null while there is none. */
export function guardHold(dialog: HTMLElement): string | null {
  const shadow = dialog.querySelector(`[${HOST_MARK}="removal-guard"]`)?.shadowRoot;
  const held = shadow?.querySelector('.alrg-held')?.textContent?.trim();
  if (!shadow || !held) return null;
  const reasons = [...shadow.querySelectorAll('.alrg-reasons li')].map((reason) => reason.textContent?.trim() ?? '').filter(Boolean);
  return [held, ...reasons].join(' ');
}
