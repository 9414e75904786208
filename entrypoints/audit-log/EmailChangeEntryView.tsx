/**
 * A step of a change of email in the audit log: which step, of which change (old address to new),
 * by whom, and what happened. Entries are page data: text only.
 */
import { PageText, slot } from '@/components/PageText';
import type { EmailChangeStep } from '@/utils/audit/email-change-entry';
import type { EmailChangeAuditRecord } from '@/utils/audit/log-entry';
import { t, type MessageKey } from '@/utils/i18n';
import { visibleSentence } from '@/utils/text/visible-text';
import { around, person, WHEN } from './entry-text';

/** Step words on the page (the export keeps EMAIL_CHANGE_STEP_LABEL's English: a file format). */
export const STEP_KEY: Record<EmailChangeStep, MessageKey> = {
  planned: 'auditEcPlanned',
  invited: 'auditEcInvited',
  joined: 'auditEcJoined',
  'removed-old': 'auditEcRemovedOld',
  verified: 'auditEcVerified',
  cancelled: 'auditEcCancelled',
  failed: 'auditEcFailed',
};

export function EmailChangeEntryView({ record }: { record: EmailChangeAuditRecord }) {
  return (
    <article class="al-audit-entry al-audit-entry--email-change" aria-labelledby={`entry-${record.id}`}>
      <h2 id={`entry-${record.id}`}>
        {WHEN.format(new Date(record.at))} · <PageText text={record.org.name ?? record.org.url} />
      </h2>
      <p class="al-audit-kind">
        {t('auditKindEmailChange')}: <PageText text={record.old.email} /> → <PageText text={record.newEmail} />
      </p>
      <p>{around(t('auditEcPerson', { who: slot(0) }), person(record.old.name, record.old.email))}</p>
      <p class={`al-audit-step al-audit-step--${record.step}`}>{t('auditEcStep', { step: t(STEP_KEY[record.step]) })}</p>
      <p>{around(t('auditEcBy', { who: slot(0) }), person(record.by.name ?? t('auditUnknown'), record.by.email))}</p>
      <p>{visibleSentence(record.detail)}</p>
    </article>
  );
}
