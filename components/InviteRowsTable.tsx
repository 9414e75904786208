/**
 * The per-row table of a bulk invite, before a run (validation) and during and after it (status):
 * row number, email, status and details. Page data is rendered as text only; the email isolated,
 * its hidden characters marked (PageText).
 */
import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';
import { PageText } from './PageText';

export interface InviteTableRow {
  row: number;
  email: string;
  status: string;
  /** Modifier for the row's class, e.g. "row-invalid" or "state-failed" (colours the status). */
  kind: string;
  details: ComponentChildren;
}

export function InviteRowsTable({ label, rows }: { label: string; rows: readonly InviteTableRow[] }) {
  return (
    <div class="al-bi-table-wrap">
      <table class="al-bi-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('biColRow')}</th>
            <th scope="col">{t('biColEmail')}</th>
            <th scope="col">{t('biColStatus')}</th>
            <th scope="col">{t('biColDetails')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} class={`al-bi-row al-bi-${row.kind}`}>
              <td>{String(row.row)}</td>
              <td class="al-bi-email">
                <PageText text={row.email} />
              </td>
              <td class="al-bi-status">{row.status}</td>
              <td>{row.details}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
