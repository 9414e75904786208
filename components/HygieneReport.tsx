/**
 * The access hygiene report: people not active for N days, never signed in, old invites, no
 * access, inactive Admins and the content owners among them; filter by category or text, sort by
 * any column, select (checkboxes), export what is shown. Where a column's data could not be read
 * on this console, its header and a note say so. No Amplitude knowledge; page data as text only.
 *
 * Two actions appear only when given: offboarding the selected people and changing one person's
 * email (features of their own, wired by the page).
 */
import { useState } from 'preact/hooks';
import type { CustomRoleNames } from '@/utils/access/roles';
import { HYGIENE_CATEGORIES, type HygieneReport as Report, type HygieneRow } from '@/utils/hygiene/hygiene-report';
import { accessWords, activityWords, categoryWords, contentWords, reasonWords } from '@/utils/hygiene/hygiene-words';
import { DEFAULT_VIEW, type HygieneSortKey, type HygieneView, viewRows } from '@/utils/hygiene/table';
import { t } from '@/utils/i18n';
import { visibleText } from '@/utils/text/visible-text';
import { PageText } from './PageText';

export interface HygieneReportProps {
  /** Null while the org is being read. */
  report: Report | null;
  /** Set when the org could not be read: says why (no rows are shown from a failed read). */
  error: string | null;
  /** While what people own is being read: how far. */
  contentProgress: { done: number; total: number } | null;
  /** Whose content is read: the people listed only, or everyone joined (the only activity data). */
  contentScope?: { read: number; joined: number; forActivity: boolean } | null;
  roleNames?: CustomRoleNames;
  /** Set when the last export could not be made. */
  exportError?: string | null;
  onClose(): void;
  /** Downloads exactly these rows (the ones shown, in their order). */
  onExport(format: 'csv' | 'json', rows: readonly HygieneRow[]): void;
  onOffboard?(selected: { email: string }[]): void;
  onChangeEmail?(email: string): void;
}

const TITLE_ID = 'al-hyg-title';

const COLUMNS: readonly { key: HygieneSortKey | null; label: () => string }[] = [
  { key: 'name', label: () => t('hygColName') },
  { key: 'email', label: () => t('hygColEmail') },
  { key: 'team', label: () => t('hygColTeam') },
  { key: 'lastActive', label: () => t('hygColLastActive') },
  { key: null, label: () => t('hygColAccess') },
  { key: 'content', label: () => t('hygColContent') },
  { key: null, label: () => t('hygColWhy') },
];

export function HygieneReport(props: HygieneReportProps) {
  const [view, setView] = useState<HygieneView>(DEFAULT_VIEW);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const { report } = props;
  const rows = report ? viewRows(report.rows, view) : [];
  const selectedRows = report ? report.rows.filter((row) => selected.has(row.memberId)) : [];
  const allShownSelected = rows.length > 0 && rows.every((row) => selected.has(row.memberId));

  const toggle = (ids: readonly string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const sortBy = (key: HygieneSortKey) => setView((current) => ({ ...current, sort: key, descending: current.sort === key ? !current.descending : false }));
  const unreadable = (column: 'lastActive' | 'content' | 'access') => report !== null && !report.columns[column].readable;
  const headerNote = (key: HygieneSortKey | null, index: number): string | null => {
    if (key === 'lastActive' && unreadable('lastActive')) return t('hygHeaderNotReadable');
    if (key === 'content' && unreadable('content')) return t('hygHeaderNotReadable');
    if (index === 4 && unreadable('access')) return t('hygHeaderPartly');
    return null;
  };

  return (
    <section class="al-hyg" role="region" aria-labelledby={TITLE_ID}>
      <div class="al-hyg__header">
        <h2 id={TITLE_ID} class="al-hyg__title">
          {t('hygTitle')}
        </h2>
        {report ? <span class="al-hyg__muted">{t('hygThresholds', { inactive: report.options.inactiveDays, invites: report.options.staleInviteDays })}</span> : null}
        <span class="al-hyg__spacer" />
        <button type="button" class="al-hyg__button" onClick={props.onClose}>
          {t('hygClose')}
        </button>
      </div>

      {props.error ? (
        <p class="al-hyg__banner" role="alert">
          {t('hygReadFailed', { error: props.error })}
        </p>
      ) : null}
      {!report && !props.error ? <p class="al-hyg__muted">{t('hygReading')}</p> : null}

      {report ? (
        <>
          <ColumnNotes report={report} />
          {props.contentScope && report.columns.content.readable ? (
            <p class="al-hyg__note">
              {props.contentScope.forActivity
                ? t('hygNoteContentScopeAll', { joined: props.contentScope.joined })
                : t('hygNoteContentScope', { read: props.contentScope.read, joined: props.contentScope.joined })}
            </p>
          ) : null}
          {props.contentProgress ? (
            <p class="al-hyg__muted" role="status">
              {t('hygContentProgress', { done: props.contentProgress.done, total: props.contentProgress.total })}
            </p>
          ) : null}

          <div class="al-hyg__filters" role="group" aria-label={t('hygCategoriesLabel')}>
            <button type="button" class="al-hyg__chip" aria-pressed={view.category === 'all'} onClick={() => setView({ ...view, category: 'all' })}>
              {t('hygCatAll', { count: report.rows.length })}
            </button>
            {HYGIENE_CATEGORIES.map((category) => (
              <button key={category} type="button" class="al-hyg__chip" aria-pressed={view.category === category} onClick={() => setView({ ...view, category })}>
                {t('hygCatWithCount', { label: categoryWords(category, report.options), count: report.counts[category] })}
              </button>
            ))}
          </div>

          <div class="al-hyg__toolbar">
            <label class="al-hyg__search">
              {t('hygFilterLabel')}
              <input type="search" value={view.text} onInput={(event) => setView({ ...view, text: (event.currentTarget as HTMLInputElement).value })} />
            </label>
            <span class="al-hyg__spacer" />
            <span class="al-hyg__muted" role="status">
              {t('hygShownSelected', { shown: rows.length, selected: selectedRows.length })}
            </span>
            <button type="button" class="al-hyg__button" disabled={rows.length === 0} onClick={() => props.onExport('csv', rows)}>
              {t('hygExportCsv')}
            </button>
            <button type="button" class="al-hyg__button" disabled={rows.length === 0} onClick={() => props.onExport('json', rows)}>
              {t('hygExportJson')}
            </button>
            {props.onOffboard ? (
              <button
                type="button"
                class="al-hyg__button al-hyg__button--primary"
                disabled={selectedRows.length === 0}
                onClick={() => props.onOffboard!(selectedRows.map((row) => ({ email: row.email })))}
              >
                {t('hygOffboard')}
              </button>
            ) : null}
          </div>
          {props.exportError ? (
            <p class="al-hyg__banner" role="alert">
              {props.exportError}
            </p>
          ) : null}

          {rows.length === 0 ? (
            <p class="al-hyg__muted">{report.rows.length === 0 ? t('hygNobody') : t('hygNoneShown')}</p>
          ) : (
            <div class="al-hyg__scroll">
              <table class="al-hyg__table" aria-labelledby={TITLE_ID}>
                <thead>
                  <tr>
                    <th scope="col">
                      <input type="checkbox" aria-label={t('hygSelectShown')} checked={allShownSelected} onChange={() => toggle(rows.map((row) => row.memberId), !allShownSelected)} />
                    </th>
                    {COLUMNS.map(({ key, label }, index) => {
                      const note = headerNote(key, index);
                      const sorted = key !== null && view.sort === key;
                      return (
                        <th key={index} scope="col" aria-sort={sorted ? (view.descending ? 'descending' : 'ascending') : undefined}>
                          {key ? (
                            <button type="button" class="al-hyg__sort" onClick={() => sortBy(key)}>
                              {label()}
                              <span aria-hidden="true">{sorted ? (view.descending ? ' ▾' : ' ▴') : ''}</span>
                            </button>
                          ) : (
                            label()
                          )}
                          {note ? <span class="al-hyg__col-note">{note}</span> : null}
                        </th>
                      );
                    })}
                    {props.onChangeEmail ? <th scope="col">{t('hygColActions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <Row
                      key={row.memberId}
                      row={row}
                      roleNames={props.roleNames}
                      selected={selected.has(row.memberId)}
                      onSelect={(on) => toggle([row.memberId], on)}
                      onChangeEmail={props.onChangeEmail}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}

function ColumnNotes({ report }: { report: Report }) {
  const { columns } = report;
  const unknown = t('unknownError');
  return (
    <>
      {!columns.lastActive.readable ? <p class="al-hyg__note">{t('hygNoteLastActive', { reason: columns.lastActive.reason ?? unknown })}</p> : null}
      {!columns.content.readable ? <p class="al-hyg__note">{t('hygNoteContent', { reason: columns.content.reason ?? unknown })}</p> : null}
      {!columns.access.readable ? <p class="al-hyg__note">{t('hygNoteAccess', { count: report.accessUnknown, reason: columns.access.reason ?? unknown })}</p> : null}
      {report.activityUnknown > 0 ? <p class="al-hyg__note">{t('hygNoteActivityUnknown', { count: report.activityUnknown })}</p> : null}
    </>
  );
}

interface RowProps {
  row: HygieneRow;
  roleNames?: CustomRoleNames;
  selected: boolean;
  onSelect(on: boolean): void;
  onChangeEmail?(email: string): void;
}

function Row({ row, roleNames, selected, onSelect, onChangeEmail }: RowProps) {
  return (
    <tr>
      <td>
        <input type="checkbox" aria-label={t('hygSelectPerson', { name: visibleText(row.name) })} checked={selected} onChange={(event) => onSelect((event.currentTarget as HTMLInputElement).checked)} />
      </td>
      <th scope="row" class="al-hyg__name">
        <PageText text={row.name} />
      </th>
      <td>
        <PageText text={row.email} />
      </td>
      <td>{row.team === null ? <span class="al-hyg__muted">{t('hygNoTeam')}</span> : <PageText text={row.team} />}</td>
      <td class="al-hyg__nowrap">{activityWords(row.activity)}</td>
      <td>{accessWords(row, roleNames)}</td>
      <td>{contentWords(row.content)}</td>
      <td class="al-hyg__why">
        <ul class="al-hyg__reasons">
          {row.reasons.map((reason, index) => (
            <li key={index}>{reasonWords(reason)}</li>
          ))}
        </ul>
      </td>
      {onChangeEmail ? (
        <td>
          {/* A pending invite has no account to move: revoke it and invite the right address. */}
          {row.status === 'joined' ? (
            <button type="button" class="al-hyg__button" aria-label={t('hygChangeEmailOf', { name: visibleText(row.name) })} onClick={() => onChangeEmail(row.email)}>
              {t('hygChangeEmail')}
            </button>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
