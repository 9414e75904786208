/**
 * A removal in the audit log: who removed whom, their access and content before, the recipient,
 * the decision and warnings, and the outcome read afterwards. Entries are page data: text only.
 */
import { PageText, slot } from '@/components/PageText';
import { describeContent } from '@/utils/audit/assess';
import type { AuditOutcomeStatus, AuditRecord } from '@/utils/audit/entry';
import { t, type MessageKey } from '@/utils/i18n';
import { visibleSentence } from '@/utils/text/visible-text';
import { around, person, WHEN } from './entry-text';

/** Outcome words on the page (the export keeps OUTCOME_LABEL's English: a file format). */
export const OUTCOME_KEY: Record<AuditOutcomeStatus, MessageKey> = {
  pending: 'outcomePending',
  gone: 'outcomeGone',
  'still-there': 'outcomeStillThere',
  partial: 'outcomePartial',
  error: 'outcomeError',
};
const DECISION_TEXT: Record<AuditRecord['decision'], MessageKey> = {
  passed: 'auditDecisionPassed',
  confirmed: 'auditDecisionConfirmed',
  unverified: 'auditDecisionUnverified',
};

export function RemovalEntryView({ record }: { record: AuditRecord }) {
  return (
    <article class="al-audit-entry" aria-labelledby={`entry-${record.id}`}>
      <h2 id={`entry-${record.id}`}>
        {WHEN.format(new Date(record.at))} · <PageText text={record.org.name ?? record.org.url} />
      </h2>
      <p>
        {around(t('auditRemovedBy', { who: slot(0) }), person(record.by.name ?? t('auditUnknown'), record.by.email))}
      </p>
      <ul class="al-audit-people" aria-label={t('auditPeopleRemoved')}>
        {record.people.map((person) => (
          <li key={`${person.email ?? person.name}`}>
            <strong>
              <PageText text={person.name} />
            </strong>
            {person.email && person.email !== person.name ? (
              <>
                {' '}
                <PageText text={person.email} />
              </>
            ) : null}
            <div>{t('auditAccessBefore', { access: person.access ?? t('auditUnknown') })}</div>
            <div>{t('auditContent', { content: person.content ? describeContent(person.content) : t('auditUnknown') })}</div>
          </li>
        ))}
      </ul>
      <p>{record.transferTo ? around(t('auditTransfer', { to: slot(0) }), person(record.transferTo.name, record.transferTo.email)) : t('auditTransfer', { to: t('auditTransferNone') })}</p>
      <p>{t(DECISION_TEXT[record.decision])}</p>
      {record.warnings.length > 0 ? (
        <ul class="al-audit-warnings" aria-label={t('auditWarningsShown')}>
          {record.warnings.map((warning) => (
            <li key={warning}>{visibleSentence(warning)}</li>
          ))}
        </ul>
      ) : null}
      <p class={`al-audit-outcome al-audit-outcome--${record.outcome.status}`}>
        {record.outcome.checkedAt !== null
          ? t('auditOutcomeChecked', { outcome: t(OUTCOME_KEY[record.outcome.status]), when: WHEN.format(new Date(record.outcome.checkedAt)) })
          : t('auditOutcomeLine', { outcome: t(OUTCOME_KEY[record.outcome.status]) })}{' '}
        · {visibleSentence(record.outcome.detail)}
      </p>
    </article>
  );
}

