/**
 * The popup's view of the current tab: is it Members & Groups, the data status, links to the audit
 * log and the bulk-invite panel, and the diagnostics (landmarks, data queries, what this console
 * uses) with "Copy report", then the opt-in recording of data shapes (ShapeRecording.tsx).
 *
 * The current tab: the active tab of the popup's window. Tests open popup.html in a tab of its own
 * (Playwright cannot click the toolbar button), where the active tab is the popup itself; they pass
 * the target as `?tab=<id>`. Opened in a tab without `?tab=`, the page says it has no tab to check.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DiagnosticsReport, type ReportSection } from '@/components/DiagnosticsReport';
import { parseDiagnosticsAnswer } from '@/utils/diagnostics/answer-schema';
import type { DiagnosticsAnswer } from '@/utils/diagnostics/protocol';
import './diagnostics.css';
import { t } from '@/utils/i18n';
import { consoleUseRows, consoleUsesNote } from '@/utils/diagnostics/console-uses';
import { dataSummary, landmarkRows, localTime, pageSummary, queryRows, reportText, statusLabel } from '@/utils/diagnostics/report';
import { ShapeRecording } from './ShapeRecording';
import { askTab as ask } from './tab-request';

type View =
  | { phase: 'checking' }
  | { phase: 'no-tab' }
  | { phase: 'checked'; tabId: number; answer: DiagnosticsAnswer | null; invalid: boolean };

/** The tab to diagnose: `?tab=<id>`, else the active tab of this window unless it is this page. */
async function targetTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  // getCurrent() is undefined in a real popup; it is this page's tab when popup.html is in a tab.
  const own = await browser.tabs.getCurrent();
  return active?.id !== undefined && active.id !== own?.id ? active.id : null;
}

export function Diagnostics() {
  const [view, setView] = useState<View>({ phase: 'checking' });
  const [bulkNote, setBulkNote] = useState('');

  const check = async () => {
    setView({ phase: 'checking' });
    const tabId = await targetTab();
    if (tabId === null) return setView({ phase: 'no-tab' });
    const raw = await ask(tabId, { type: 'diagnostics' });
    const answer = parseDiagnosticsAnswer(raw);
    setView({ phase: 'checked', tabId, answer, invalid: raw !== null && raw !== undefined && !answer });
  };

  useEffect(() => {
    void check();
  }, []);

  // Not role=status: the popup's own status line is the page's one status.
  if (view.phase === 'checking') return <p aria-live="polite">{t('diagChecking')}</p>;
  if (view.phase === 'no-tab') return <p aria-live="polite">{t('diagNoTab')}</p>;

  const { answer, tabId } = view;
  const version = browser.runtime.getManifest().version;
  const openBulkInvite = async () => {
    setBulkNote('');
    await browser.tabs.update(tabId, { active: true });
    const opened = await ask(tabId, { type: 'open-bulk-invite' });
    if (opened === true) {
      if (!(await browser.tabs.getCurrent())) window.close();
      else setBulkNote(t('diagBulkOpened'));
    } else setBulkNote(t('diagBulkNotHere'));
  };

  const sections: ReportSection[] = answer
    ? [
        {
          title: t('diagLandmarksTitle'),
          rows: landmarkRows(answer).map((row) => ({ ...row, status: statusLabel(row.status), problem: row.status === 'missing' })),
        },
        {
          title: t('diagQueriesTitle'),
          rows: queryRows(answer, localTime).map((row) => ({ ...row, status: statusLabel(row.status), problem: row.status === 'failed' })),
        },
        {
          title: t('diagUsesTitle'),
          rows: consoleUseRows(answer).map((row) => ({ ...row, status: statusLabel(row.status), problem: row.status === 'ours-failed' })),
          note: consoleUsesNote(answer),
        },
      ]
    : [];

  return (
    <section class="al-tab" aria-label={t('diagThisTab')}>
      <p class="al-tab__page">{view.invalid ? t('diagInvalidAnswer') : pageSummary(answer)}</p>
      {answer?.isMembersPage && (
        <>
          <p class="al-tab__data">
            {t('diagOrgData', { org: answer.orgUrl ?? t('diagUnknownOrg'), data: dataSummary(answer, localTime) })}
          </p>
          {answer.data?.error && (
            <p class="al-tab__error" role="alert">
              {answer.data.error}
            </p>
          )}
          <p>
            <button type="button" class="al-link" onClick={() => void openBulkInvite()}>
              {t('diagOpenBulk')}
            </button>
          </p>
          <p aria-live="polite">{bulkNote}</p>
        </>
      )}
      {!answer && !view.invalid && <p>{t('diagWhereItRuns')}</p>}
      {answer && (
        <DiagnosticsReport
          sections={sections}
          onCopy={() => navigator.clipboard.writeText(reportText({ answer, version, userAgent: navigator.userAgent, now: new Date().toISOString() }))}
        />
      )}
      {answer && <ShapeRecording tabId={tabId} />}
      <p>
        <button type="button" class="al-link" onClick={() => void check()}>
          {t('diagCheckAgain')}
        </button>
      </p>
    </section>
  );
}
