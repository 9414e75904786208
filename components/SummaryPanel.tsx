/**
 * The org at a glance above the Users table: members by highest role, the Admin warning, people
 * escalated through groups, pending and stale invites; choosing a figure lists its people. Says how
 * fresh the picture is, refreshes it, exports the access review, and never shows numbers from a
 * failed read as current. No Amplitude knowledge; page data rendered as text only.
 */
import { useState } from 'preact/hooks';
import type { OrgSummary, SummaryListKey } from '@/utils/access/org-summary';
import { peopleFor } from '@/utils/access/org-summary';
import { adminFindingWords } from '@/utils/access/admin-finding-words';
import { type CustomRoleNames, type Role, roleLabel } from '@/utils/access/roles';
import { PeopleList } from './PeopleList';
import { SummaryCount } from './SummaryCount';
import { t } from '@/utils/i18n';

export interface SummaryPanelProps {
  status: 'loading' | 'ready' | 'refreshing' | 'error';
  /** When the data shown was read (ISO), if there is any. */
  readAt: string | null;
  fromCache: boolean;
  error: string | null;
  /** Null while nothing has been read. */
  summary: OrgSummary | null;
  /** The org's own names for roles, if it renamed any (the Admin warning's words use them). */
  roleNames?: CustomRoleNames;
  collapsed: boolean;
  /** Set when a landmark was missing and the panel sits somewhere else: says which. */
  landmarkNote: string | null;
  /** Set when part of the org could not be read on this console: says what, and that its numbers are unknown. */
  unreadNote?: string | null;
  onToggleCollapsed(): void;
  onRefresh(): void;
  onExport(format: 'csv' | 'json'): void;
  /** Set when the last export could not be made: says why. */
  exportError?: string | null;
  /** Opens or closes the access hygiene report; without it there is no such button. */
  onHygiene?(): void;
  /** Whether the hygiene report is open (the button says so). */
  hygieneOpen?: boolean;
  /** Set when the hygiene report could not be opened: says why. */
  hygieneError?: string | null;
  /** Orgs with custom roles (RBAC): "Who can…?" (drawn on demand into the host given) and the permission-level export. */
  whoCan?: WhoCanSlot | null;
}

export interface WhoCanSlot {
  /** Called with the element to draw "Who can…?" into, and with null when it goes; keep it the same function. */
  mount(host: HTMLElement | null): void;
  onExportPermissions(): void;
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const BODY_ID = 'al-sum-body';

const ROLE_COUNT_LABEL: Record<Role, string> = { admin: 'Admin', manager: 'Manager', member: 'Member', viewer: 'Viewer', no_access: 'No access' };

function titleOf(key: SummaryListKey): string {
  switch (key) {
    case 'escalated':
      return t('sumTitleEscalated');
    case 'no-access':
      return t('sumTitleNoAccess');
    case 'pending':
      return t('sumTitlePending');
    case 'stale-invites':
      return t('sumTitleStale');
    case 'access-unknown':
      return t('sumTitleAccessUnknown');
    case 'custom-roles':
      return t('sumTitleCustomRoles');
    default:
      return t('sumTitleRole', { role: roleLabel(key.slice('role:'.length) as Role) });
  }
}

export function SummaryPanel(props: SummaryPanelProps) {
  const [chosen, setChosen] = useState<SummaryListKey | null>(null);
  const [whoCanOpen, setWhoCanOpen] = useState(false);
  const { summary, status } = props;
  const busy = status === 'loading' || status === 'refreshing';
  // Numbers from a failed read are never shown as current.
  const showNumbers = summary !== null && status !== 'error';
  const adminWarning = summary?.adminWarning ? adminFindingWords(summary.adminWarning, props.roleNames) : null;
  const asOf = props.readAt ? TIME.format(new Date(props.readAt)) : null;
  const choose = (key: SummaryListKey) => setChosen((current) => (current === key ? null : key));
  const count = (key: SummaryListKey, label: string, tone: 'neutral' | 'warning' = 'neutral') =>
    summary ? <SummaryCount label={label} count={peopleFor(summary, key).length} pressed={chosen === key} tone={tone} onChoose={() => choose(key)} /> : null;

  let freshness: string;
  if (status === 'loading' && !props.readAt) freshness = t('sumReading');
  else if (status === 'error') freshness = asOf ? t('sumStale', { time: asOf }) : t('sumNoData');
  else freshness = t(props.fromCache ? 'sumAsOfSaved' : 'sumAsOf', { time: asOf ?? '—' });

  return (
    <section class="al-sum" aria-label={t('sumLabel')}>
      {/* A div, not <header>: in the shadow root a header can count as a second banner landmark of the page. */}
      <div class="al-sum__header">
        <button type="button" class="al-sum__toggle" aria-expanded={!props.collapsed} aria-controls={BODY_ID} onClick={props.onToggleCollapsed}>
          <span class="al-sum__chevron" aria-hidden="true">
            {props.collapsed ? '▸' : '▾'}
          </span>
          {t('sumHeading')}
        </button>
        <span class="al-sum__freshness">{freshness}</span>
        <span class="al-sum__spacer" />
        <button type="button" class="al-sum__button" onClick={props.onRefresh} disabled={busy}>
          {busy ? t('sumRefreshing') : t('sumRefresh')}
        </button>
        {!props.collapsed ? (
          <>
            <button type="button" class="al-sum__button" onClick={() => props.onExport('csv')} disabled={!showNumbers}>
              {t('sumExportCsv')}
            </button>
            <button type="button" class="al-sum__button" onClick={() => props.onExport('json')} disabled={!showNumbers}>
              {t('sumExportJson')}
            </button>
            {props.onHygiene ? (
              <button type="button" class="al-sum__button" aria-expanded={props.hygieneOpen ?? false} onClick={props.onHygiene}>
                {t('sumHygiene')}
              </button>
            ) : null}
          </>
        ) : null}
      </div>

      {status === 'error' ? (
        <div class="al-sum__banner" role="alert">
          {asOf
            ? t('sumErrorBannerHidden', { error: props.error ?? t('unknownError'), time: asOf })
            : t('sumErrorBanner', { error: props.error ?? t('unknownError') })}
        </div>
      ) : null}
      {props.exportError ? (
        <p class="al-sum__note" role="alert">
          {props.exportError}
        </p>
      ) : null}
      {props.hygieneError ? (
        <p class="al-sum__note" role="alert">
          {t('hygLoadFailed', { error: props.hygieneError })}
        </p>
      ) : null}
      {props.landmarkNote ? <p class="al-sum__note">{props.landmarkNote}</p> : null}
      {props.unreadNote && showNumbers ? <p class="al-sum__note">{props.unreadNote}</p> : null}

      <div id={BODY_ID} class="al-sum__body" hidden={props.collapsed}>
        {!showNumbers ? (
          status === 'error' ? null : <p class="al-sum__muted">{t('sumReading')}</p>
        ) : summary ? (
          <>
            <div class="al-sum__row" role="group" aria-label={t('sumByRoleLabel', { count: summary.joinedCount })}>
              <span class="al-sum__row-label">{t('sumByRole')}</span>
              {summary.byRole.map(({ role }) => count(`role:${role}`, ROLE_COUNT_LABEL[role], role === 'no_access' ? 'warning' : 'neutral'))}
              {summary.customRoles.length > 0 ? count('custom-roles', t('sumTitleCustomRoles')) : null}
              {summary.accessUnknown.length > 0 ? count('access-unknown', t('sumTitleAccessUnknown')) : null}
            </div>
            {adminWarning ? (
              <p class="al-sum__warning">
                <span aria-hidden="true">⚠ </span>
                {adminWarning.explanation} {adminWarning.fix}
              </p>
            ) : null}
            <div class="al-sum__row" role="group" aria-label={t('sumAttention')}>
              <span class="al-sum__row-label">{t('sumAttention')}</span>
              {summary.accessComplete ? (
                count('escalated', t('sumTitleEscalated'), 'warning')
              ) : (
                <span class="al-sum__unknown">{t('sumUnknownFigure', { label: t('sumTitleEscalated') })}</span>
              )}
              {count('pending', t('sumTitlePending'))}
              {count('stale-invites', t('sumTitleStale'), 'warning')}
            </div>
            {chosen ? <PeopleList title={titleOf(chosen)} people={peopleFor(summary, chosen)} /> : null}
            {props.whoCan ? (
              <div class="al-sum__row">
                <button type="button" class="al-sum__button" aria-expanded={whoCanOpen} onClick={() => setWhoCanOpen((open) => !open)}>
                  {t('whoCanHeading')}
                </button>
                <button type="button" class="al-sum__button" onClick={props.whoCan.onExportPermissions}>
                  {t('sumExportPermissionsCsv')}
                </button>
              </div>
            ) : null}
            {props.whoCan && whoCanOpen ? <div ref={props.whoCan.mount} /> : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
