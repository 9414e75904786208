/** Shown instead of the page after any HTTP 401 from the data endpoint. */
import s from '../styles.module.css';

export const SESSION_EXPIRED_TEXT = 'Your session has expired. Reload to sign in again.';

export function SessionExpiredView() {
  return (
    <main className={s.centered}>
      <h1>Session expired</h1>
      <p role="alert">{SESSION_EXPIRED_TEXT}</p>
      <button type="button" className={s.primaryButton} onClick={() => window.location.reload()}>
        Reload
      </button>
    </main>
  );
}
