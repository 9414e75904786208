/**
 * The preview of a bulk invite: counts, file-level errors and warnings, every row with its status
 * and errors, and the planned batches. Page data is rendered as text only.
 */
import type { InvitePlan } from '@/utils/invite/plan';
import type { ValidatedRow, ValidationResult } from '@/utils/invite/validate';

export interface BulkInvitePreviewProps {
  result: ValidationResult;
  plan: InvitePlan;
  onDownloadErrors: () => void;
}

function statusText(row: ValidatedRow): string {
  if (row.status === 'ready') return 'Ready';
  if (row.status === 'skip') return `Skip: ${row.reason ?? 'skipped'}`;
  return 'Invalid';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function BulkInvitePreview({ result, plan, onDownloadErrors }: BulkInvitePreviewProps) {
  const problems = result.counts.skip + result.counts.invalid;
  return (
    <div class="al-bi-preview">
      <p class="al-bi-counts" role="status">
        {`${result.counts.ready} to invite · ${result.counts.skip} to skip · ${result.counts.invalid} invalid`}
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
              Download errors
            </button>
          </div>
          <div class="al-bi-table-wrap">
            <table class="al-bi-table" aria-label="Rows to invite">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Email</th>
                  <th scope="col">Status</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.row} class={`al-bi-row al-bi-row-${row.status}`}>
                    <td>{String(row.row)}</td>
                    <td class="al-bi-email">{row.email}</td>
                    <td class="al-bi-status">{statusText(row)}</td>
                    <td>
                      {row.errors.length + row.warnings.length > 0 && (
                        <ul class="al-bi-row-notes">
                          {row.errors.map((error, index) => (
                            <li key={`e${index}`} class="al-bi-row-error">
                              {error.column ? `${error.column}: ${error.message}` : error.message}
                            </li>
                          ))}
                          {row.warnings.map((warning, index) => (
                            <li key={`w${index}`} class="al-bi-row-warning">
                              {warning.column ? `${warning.column}: ${warning.message}` : warning.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {result.ok && result.rows.length > 0 && (
        <section class="al-bi-plan" aria-label="Planned batches">
          <h3>Plan</h3>
          <p>
            {plan.counts.batches === 0
              ? 'Nothing to send: no row is ready to invite.'
              : `${plural(plan.counts.batches, 'batch', 'batches')} of up to ${plan.batchSize} (${plural(plan.counts.toInvite, 'email', 'emails')}); rows in one batch share groups, access, default project and spaces.`}
          </p>
          {plan.batches.length > 0 && (
            <ol class="al-bi-batches">
              {plan.batches.map((batch) => (
                <li key={batch.id}>{`${plural(batch.invites.length, 'email', 'emails')}: ${batch.invites.map((invite) => invite.email).join(', ')}`}</li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
