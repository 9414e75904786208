/**
 * The popup's list of changes of email under way, in every org ("Email changes: 2 waiting"), each
 * with where it is. Nothing is shown when there are none. Steps are taken on the Members page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EmailChange } from '@/utils/email-change/workflow';
import { isFinished } from '@/utils/email-change/workflow';
import { sendRequest } from '@/utils/messaging';
import { t } from '@/utils/i18n';

/** The step in a few words (the Members page says it in full, with what to do). */
function stepOf(change: EmailChange): string {
  return change.step.kind === 'waiting' ? `${change.step.kind}: ${change.step.account}` : change.step.kind;
}

export function EmailChanges() {
  const [changes, setChanges] = useState<EmailChange[]>([]);
  useEffect(() => {
    sendRequest({ type: 'email-change-all' }).then(
      (answer) => setChanges(answer.changes.filter((change) => !isFinished(change))),
      () => setChanges([]),
    );
  }, []);
  if (changes.length === 0) return null;
  return (
    <section aria-label={t('ecListLabel')}>
      <h2>{t('popupEmailChanges', { count: changes.length })}</h2>
      <ul>
        {changes.map((change) => (
          <li key={change.id}>{t('popupEmailChangeLine', { old: change.old.email, new: change.newEmail, org: change.orgUrl, step: stepOf(change) })}</li>
        ))}
      </ul>
    </section>
  );
}
