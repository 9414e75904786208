/** Shown instead of the page after any HTTP 401 from the data endpoint. */
import { ui } from '../markup';
import { ActionButton } from './ui/ActionButton';
import s from '../styles.module.css';

export const SESSION_EXPIRED_TEXT = 'Your session has expired. Reload to sign in again.';

export function SessionExpiredView() {
  return (
    <main className={s.centered}>
      <h1>{ui('Session expired')}</h1>
      <p role="alert">{SESSION_EXPIRED_TEXT}</p>
      <ActionButton className={s.primaryButton} onClick={() => window.location.reload()}>
        {ui('Reload')}
      </ActionButton>
    </main>
  );
}
