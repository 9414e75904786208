/**
 * The org at a glance above the Users table: members by highest role, the Admin warning, people
 * escalated through groups, pending and stale invites; choosing a figure lists its people. Says how
 * fresh the picture is, refreshes it, exports the access review, and never shows numbers from a
 * failed read as current. No Amplitude knowledge; page data rendered as text only.
 */
import { useState } from 'preact/hooks';
import type { OrgSummary, SummaryListKey } from '@/utils/access/org-summary';
import { peopleFor } from '@/utils/access/org-summary';
import { type Role, roleLabel } from '@/utils/access/roles';
import { PeopleList } from './PeopleList';
import { SummaryCount } from './SummaryCount';

export interface SummaryPanelProps {
  status: 'loading' | 'ready' | 'refreshing' | 'error';
  /** When the data shown was read (ISO), if there is any. */
  readAt: string | null;
  fromCache: boolean;
  error: string | null;
  /** Null while nothing has been read. */
  summary: OrgSummary | null;
  collapsed: boolean;
  /** Set when a landmark was missing and the panel sits somewhere else: says which. */
  landmarkNote: string | null;
  onToggleCollapsed(): void;
  onRefresh(): void;
  onExport(format: 'csv' | 'json'): void;
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const BODY_ID = 'al-sum-body';

const ROLE_COUNT_LABEL: Record<Role, string> = { admin: 'Admin', manager: 'Manager', member: 'Member', viewer: 'Viewer', no_access: 'No access' };

function titleOf(key: SummaryListKey): string {
  switch (key) {
    case 'escalated':
      return 'Escalated through groups';
    case 'no-access':
      return 'No access';
    case 'pending':
      return 'Pending invites';
    case 'stale-invites':
      return 'Stale invites';
    default:
      return `Highest role: ${roleLabel(key.slice('role:'.length) as Role)}`;
  }
}

export function SummaryPanel(props: SummaryPanelProps) {
  const [chosen, setChosen] = useState<SummaryListKey | null>(null);
  const { summary, status } = props;
  const busy = status === 'loading' || status === 'refreshing';
  // Numbers from a failed read are never shown as current.
  const showNumbers = summary !== null && status !== 'error';
  const asOf = props.readAt ? TIME.format(new Date(props.readAt)) : null;
  const choose = (key: SummaryListKey) => setChosen((current) => (current === key ? null : key));
  const count = (key: SummaryListKey, label: string, tone: 'neutral' | 'warning' = 'neutral') =>
    summary ? <SummaryCount label={label} count={peopleFor(summary, key).length} pressed={chosen === key} tone={tone} onChoose={() => choose(key)} /> : null;

  let freshness: string;
  if (status === 'loading' && !props.readAt) freshness = 'Reading the org…';
  else if (status === 'error') freshness = asOf ? `last read ${asOf}, not current` : 'no data';
  else freshness = `as of ${asOf ?? '—'}${props.fromCache ? ' (saved copy)' : ''}`;

  return (
    <section class="al-sum" aria-label="Admin Lens access summary">
      {/* A div, not <header>: in the shadow root a header can count as a second banner landmark of the page. */}
      <div class="al-sum__header">
        <button type="button" class="al-sum__toggle" aria-expanded={!props.collapsed} aria-controls={BODY_ID} onClick={props.onToggleCollapsed}>
          <span class="al-sum__chevron" aria-hidden="true">
            {props.collapsed ? '▸' : '▾'}
          </span>
          Access summary
        </button>
        <span class="al-sum__freshness">{freshness}</span>
        <span class="al-sum__spacer" />
        <button type="button" class="al-sum__button" onClick={props.onRefresh} disabled={busy}>
          {busy ? 'Refreshing…' : 'Refresh'}
        </button>
        {!props.collapsed ? (
          <>
            <button type="button" class="al-sum__button" onClick={() => props.onExport('csv')} disabled={!showNumbers}>
              Export CSV
            </button>
            <button type="button" class="al-sum__button" onClick={() => props.onExport('json')} disabled={!showNumbers}>
              Export JSON
            </button>
          </>
        ) : null}
      </div>

      {status === 'error' ? (
        <div class="al-sum__banner" role="alert">
          The access summary is not current: the org could not be read ({props.error ?? 'unknown error'}).
          {asOf ? ` Numbers from the last read at ${asOf} are hidden because they may be out of date.` : ''} Try Refresh.
        </div>
      ) : null}
      {props.landmarkNote ? <p class="al-sum__note">{props.landmarkNote}</p> : null}

      <div id={BODY_ID} class="al-sum__body" hidden={props.collapsed}>
        {!showNumbers ? (
          status === 'error' ? null : <p class="al-sum__muted">Reading the org…</p>
        ) : summary ? (
          <>
            <div class="al-sum__row" role="group" aria-label={`Joined members by highest role (${summary.joinedCount})`}>
              <span class="al-sum__row-label">Members by highest role</span>
              {summary.byRole.map(({ role }) => count(`role:${role}`, ROLE_COUNT_LABEL[role], role === 'no_access' ? 'warning' : 'neutral'))}
            </div>
            {summary.adminWarning ? (
              <p class="al-sum__warning">
                <span aria-hidden="true">⚠ </span>
                {summary.adminWarning.explanation} {summary.adminWarning.fix}
              </p>
            ) : null}
            <div class="al-sum__row" role="group" aria-label="Needs attention">
              <span class="al-sum__row-label">Needs attention</span>
              {count('escalated', 'Escalated through groups', 'warning')}
              {count('pending', 'Pending invites')}
              {count('stale-invites', 'Stale invites', 'warning')}
            </div>
            {chosen ? <PeopleList title={titleOf(chosen)} people={peopleFor(summary, chosen)} /> : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
