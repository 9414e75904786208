/**
 * The access summary panel above the Users table: counts from the access report, the people behind
 * each, freshness with a Refresh button, a banner instead of numbers when the read failed, and the
 * access review export. Placed in the Users tab panel (utils/amplitude/summary-anchor.ts); when a
 * landmark is missing it sits under the heading and says which landmark it did not find.
 */
import { render } from 'preact';
import { defineLocalItem } from '@/utils/storage/local-item';
import type { Feature } from '@/utils/features/registry';
import { SummaryPanel } from '@/components/SummaryPanel';
import { accessReviewFileName } from '@/utils/access/export';
import { snapshotHoldsCustomRoles } from '@/utils/access/custom-roles';
import type { WhoCanSlot } from '@/components/SummaryPanel';
import { type OrgSummary, summarizeOrg } from '@/utils/access/org-summary';
import type { AccessReport } from '@/utils/access/report';
import { unreadNote } from './unread-note';
import { loadAccessCard } from './access-card-file';
import { hygienePanel } from './hygiene-panel';
import { offboardingAvailable, openOffboarding } from './offboard-panel';
import { emailChangeAvailable, openEmailChange } from './email-change-opener';
import { findMembersTabs, selectedMembersTab, type SummaryPlacement, summaryPlacement } from '@/utils/amplitude/summary-anchor';
import { downloadText } from '@/utils/download';
import type { MembersContext } from './context';
import { type OrgDataState, yieldToPage } from './org-data';
import { UI_STYLES } from './ui-styles';
import { t } from '@/utils/i18n';
import { createShadowUi } from './shadow-ui';

/** Whether the panel is collapsed, remembered across reloads and visits. */
export const summaryCollapsed = defineLocalItem<boolean>('summaryCollapsed', false);

function place(anchor: Element, host: Element, append: SummaryPlacement['append']): void {
  if (append === 'first') anchor.prepend(host);
  else if (append === 'last') anchor.append(host);
  else anchor.after(host);
}

const FALLBACK_NOTE = { 'under-tabs': 'sumNoteUnderTabs', 'end-of-section': 'sumNoteEndOfSection' } as const;
const noteFor = (where: SummaryPlacement): string | null => (where.fallback ? t(FALLBACK_NOTE[where.fallback]) : null);

export const accessSummary: Feature<MembersContext> = {
  id: 'access-summary',
  async init({ ctx, page, orgData }, signal) {
    let collapsed = await summaryCollapsed.getValue();
    if (signal.aborted) return;
    let tabs = findMembersTabs(page.heading);
    let where = summaryPlacement(page.heading, tabs);
    let state: OrgDataState = orgData.get();
    let summaryOf: { report: AccessReport; summary: OrgSummary } | null = null;
    let container: HTMLElement | null = null;

    const summary = (): OrgSummary | null => {
      if (!state.report) return null;
      if (summaryOf?.report !== state.report) summaryOf = { report: state.report, summary: summarizeOrg(state.report) };
      return summaryOf.summary;
    };

    let exportError: string | null = null;
    const exportReview = (format: 'csv' | 'json') => {
      const { report, snapshot } = state;
      if (!report || !snapshot || !container) return;
      const now = new Date();
      const fileName = accessReviewFileName(page.location.orgUrl, now, format);
      const meta = { org: { url: snapshot.org.url, name: snapshot.org.name }, readAt: snapshot.readAt, exportedAt: now.toISOString() };
      // The export's code loads on first use (access-card-file.ts: the content script's size budget).
      loadAccessCard().then(
        (file) => {
          if (!container || signal.aborted) return;
          const text = file.accessReview(report, format, meta, snapshot.customRoleNames, snapshot);
          downloadText(fileName, text, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json', container);
          if (exportError) {
            exportError = null;
            draw();
          }
        },
        (error: unknown) => {
          exportError = t('sumExportFailed', { error: String(error) });
          draw();
        },
      );
    };

    // The hygiene report opens under the panel, on demand. Offboarding and changing an email are
    // features of their own (each can be switched off): offered only while they run here.
    let hygieneState: { open: boolean; error: string | null } = { open: false, error: null };
    const hygiene = hygienePanel(
      {
        ctx,
        orgData,
        // Read on open only, when the summary's own UI exists.
        anchor: () => ui.shadowHost,
        onChange(next) {
          hygieneState = next;
          draw();
        },
        actions: () => ({
          onOffboard: offboardingAvailable() ? (selected) => openOffboarding(selected.map((person) => person.email)) : undefined,
          onChangeEmail: emailChangeAvailable() ? (email) => openEmailChange(email) : undefined,
        }),
      },
      signal,
    );
    // "Who can…?" and the permission-level export, for orgs with custom roles; drawn by the card's file, loaded on demand.
    let whoCanHost: HTMLElement | null = null;
    const drawWhoCan = () => {
      const host = whoCanHost;
      const { report, snapshot } = state;
      if (!host || !report || !snapshot) return;
      loadAccessCard().then(
        (file) =>
          file.renderWhoCan(host, {
            report,
            snapshot,
            names: snapshot.customRoleNames,
            download: (text, title) => {
              if (container) downloadText(accessReviewFileName(page.location.orgUrl, new Date(), 'csv').replace('access-review', `who-can-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`), text, 'text/csv;charset=utf-8', container);
            },
          }),
        (error: unknown) => {
          exportError = t('sumExportFailed', { error: String(error) });
          draw();
        },
      );
    };
    const whoCan: WhoCanSlot = {
      mount(host) {
        const previous = whoCanHost;
        if (!host && previous) void loadAccessCard().then((file) => file.renderWhoCan(previous, null));
        whoCanHost = host;
        drawWhoCan();
      },
      onExportPermissions() {
        const { report, snapshot } = state;
        if (!report || !snapshot || !container) return;
        loadAccessCard().then(
          (file) => {
            if (!container || signal.aborted) return;
            const fileName = accessReviewFileName(page.location.orgUrl, new Date(), 'csv').replace('access-review', 'permission-review');
            downloadText(fileName, file.permissionReview(report, snapshot, snapshot.customRoleNames), 'text/csv;charset=utf-8', container);
          },
          (error: unknown) => {
            exportError = t('sumExportFailed', { error: String(error) });
            draw();
          },
        );
      },
    };

    const draw = () => {
      if (!container || signal.aborted) return;
      // Only with the Users tab: the panel is about the Users table.
      if (tabs && selectedMembersTab(tabs) === 'groups') {
        render(null, container);
        return;
      }
      render(
        <SummaryPanel
          status={state.status}
          readAt={state.snapshot?.readAt ?? null}
          fromCache={state.fromCache}
          error={state.error}
          summary={summary()}
          roleNames={state.snapshot?.customRoleNames}
          collapsed={collapsed}
          landmarkNote={noteFor(where)}
          unreadNote={state.snapshot ? unreadNote(state.snapshot) : null}
          onToggleCollapsed={() => {
            collapsed = !collapsed;
            draw();
            void summaryCollapsed.setValue(collapsed);
          }}
          onRefresh={() => void orgData.refresh()}
          onExport={exportReview}
          exportError={exportError}
          onHygiene={() => hygiene.toggle()}
          hygieneOpen={hygieneState.open}
          hygieneError={hygieneState.error}
          whoCan={state.snapshot && snapshotHoldsCustomRoles(state.snapshot) ? whoCan : null}
        />,
        container,
      );
      // A new report: "Who can…?", if open, answers from it.
      drawWhoCan();
    };

    const ui = await createShadowUi(ctx, {
      css: UI_STYLES,
      name: 'admin-lens-summary',
      position: 'inline',
      anchor: () => where.anchor,
      append: (anchor, root) => place(anchor, root, where.append),
      onMount(uiContainer) {
        container = uiContainer;
        uiContainer.style.margin = '0';
        draw();
        return uiContainer;
      },
      onRemove(uiContainer) {
        if (uiContainer) render(null, uiContainer);
        container = null;
      },
    });
    if (signal.aborted) return;
    ui.mount();


    let pendingDraw = false;
    const unsubscribe = orgData.subscribe((next) => {
      state = next;
      // A new report means summarizing every member: in a task of its own, not in the one that
      // delivered the report (where the badges render), and the panel drawn in the next one (on
      // 5,000 members each is a good part of a long task's 50 ms).
      if (next.report && summaryOf?.report !== next.report) {
        if (pendingDraw) return;
        pendingDraw = true;
        void yieldToPage()
          .then(() => {
            if (!signal.aborted) summary();
            return yieldToPage();
          })
          .then(() => {
            pendingDraw = false;
            draw();
          });
        return;
      }
      draw();
    });
    const offStorage = summaryCollapsed.watch((value) => {
      if (value === collapsed) return;
      collapsed = value;
      draw();
    });

    // Tab switches (aria-selected) hide or show the panel; a re-rendered tab panel gets it back.
    let scheduled = 0;
    const check = () => {
      scheduled = 0;
      if (!ui.shadowHost.isConnected) {
        tabs = findMembersTabs(page.heading);
        where = summaryPlacement(page.heading, tabs);
        place(where.anchor, ui.shadowHost, where.append);
      }
      draw();
    };
    const schedule = () => {
      scheduled ||= requestAnimationFrame(check);
    };
    const observer = new MutationObserver(schedule);
    if (tabs) observer.observe(tabs.tablist, { attributes: true, subtree: true, attributeFilter: ['aria-selected'] });
    if (where.watch) observer.observe(where.watch, { childList: true });

    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        if (scheduled) cancelAnimationFrame(scheduled);
        unsubscribe();
        offStorage();
        ui.remove();
      },
      { once: true },
    );
  },
};
