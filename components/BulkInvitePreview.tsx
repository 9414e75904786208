/**
 * The preview of a bulk invite: counts, file-level errors and warnings, every row with its status
 * and errors, and the planned batches. Page data is rendered as text only.
 */
import type { InvitePlan } from '@/utils/invite/plan';
import type { ValidatedRow, ValidationResult } from '@/utils/invite/validate';
import { t, tCount } from '@/utils/i18n';
import { isolatedText, visibleSentence } from '@/utils/text/visible-text';
import { InviteRowsTable } from './InviteRowsTable';

export interface BulkInvitePreviewProps {
  result: ValidationResult;
  plan: InvitePlan;
  onDownloadErrors: () => void;
}

function statusText(row: ValidatedRow): string {
  if (row.status === 'ready') return t('biStatusReady');
  if (row.status === 'skip') return t('biStatusSkip', { reason: row.reason ?? t('biSkipped') });
  return t('biStatusInvalid');
}

/** A row's note quotes the file's values: any hidden character in them is shown as a marker. */
const note = (item: { column: string | null; message: string }) =>
  visibleSentence(item.column ? t('biColumnNote', { column: item.column, message: item.message }) : item.message);

export function BulkInvitePreview({ result, plan, onDownloadErrors }: BulkInvitePreviewProps) {
  const problems = result.counts.skip + result.counts.invalid;
  return (
    <div class="al-bi-preview">
      <p class="al-bi-counts" role="status">
        {t('biCounts', { ready: result.counts.ready, skip: result.counts.skip, invalid: result.counts.invalid })}
      </p>
      {result.fileErrors.length > 0 && (
        <div class="al-bi-file-errors" role="alert">
          <ul>
            {result.fileErrors.map((error, index) => (
              <li key={index}>{error.message}</li>
            ))}
          </ul>
        </div>
      )}
      {result.warnings.length > 0 && (
        <ul class="al-bi-warnings">
          {result.warnings.map((warning, index) => (
            <li key={index}>{warning.message}</li>
          ))}
        </ul>
      )}
      {result.rows.length > 0 && (
        <>
          <div class="al-bi-actions">
            <button type="button" class="al-bi-button" onClick={onDownloadErrors} disabled={problems === 0}>
              {t('biDownloadErrors')}
            </button>
          </div>
          <InviteRowsTable
            label={t('biRowsLabel')}
            rows={result.rows.map((row) => ({
              row: row.row,
              email: row.email,
              status: statusText(row),
              kind: `row-${row.status}`,
              details: row.errors.length + row.warnings.length > 0 && (
                <ul class="al-bi-row-notes">
                  {row.errors.map((error, index) => (
                    <li key={`e${index}`} class="al-bi-row-error">
                      {note(error)}
                    </li>
                  ))}
                  {row.warnings.map((warning, index) => (
                    <li key={`w${index}`} class="al-bi-row-warning">
                      {note(warning)}
                    </li>
                  ))}
                </ul>
              ),
            }))}
          />
        </>
      )}
      {result.ok && result.rows.length > 0 && (
        <section class="al-bi-plan" aria-label={t('biPlanLabel')}>
          <h3>{t('biPlanHeading')}</h3>
          <p>
            {plan.counts.batches === 0
              ? t('biPlanNothing')
              : tCount('biPlan', plan.counts.batches, { size: plan.batchSize, emails: tCount('biEmails', plan.counts.toInvite) })}
          </p>
          {plan.batches.length > 0 && (
            <ol class="al-bi-batches">
              {plan.batches.map((batch) => (
                <li key={batch.id}>{t('biBatchItem', { emails: tCount('biEmails', batch.invites.length), list: batch.invites.map((invite) => isolatedText(invite.email)).join(', ') })}</li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
