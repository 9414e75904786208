/**
 * The access hygiene report, built as its own file and loaded by the content script when the admin
 * opens it from the summary panel (members.content/hygiene-report-file.ts): the panel with its own
 * copy of Preact and its styles, the report's logic, words and exports, and the reading of what
 * people own while it is open (members.content/hygiene-session.ts).
 */
import { h, render } from 'preact';
import { HygieneReport } from '@/components/HygieneReport';
import { buildHygieneReport, type HygieneReport as Report } from '@/utils/hygiene/hygiene-report';
import { hygieneCsv, hygieneFileName, hygieneJson } from '@/utils/hygiene/export';
import { downloadText } from '@/utils/download';
import { t } from '@/utils/i18n';
import styles from './members.content/hygiene-report.css?inline';
import { HYGIENE_GLOBAL, type HygieneFile, type HygienePanelInput } from './members.content/hygiene-report-file';
import { openHygieneReport, type MountReport } from './members.content/hygiene-session';

/** Draws the report (its styles included) into `host`, a node of our shadow root. */
const mount: MountReport = (host, first) => {
  const style = document.createElement('style');
  style.textContent = styles;
  const root = document.createElement('div');
  host.append(style, root);
  let input = first;
  let exportError: string | null = null;
  // The report is made again only when what it is made of changed.
  let made: { from: unknown[]; report: Report | null } = { from: [], report: null };
  const reportOf = (next: HygienePanelInput): Report | null => {
    const from = [next.snapshot, next.report, next.content, next.inactiveDays, next.staleInviteDays];
    if (from.some((value, index) => value !== made.from[index])) {
      const report =
        next.snapshot && next.report && !next.error
          ? buildHygieneReport(next.snapshot, next.report, next.content, { inactiveDays: next.inactiveDays, staleInviteDays: next.staleInviteDays, now: new Date() })
          : null;
      made = { from, report };
    }
    return made.report;
  };
  const draw = () => {
    const report = reportOf(input);
    const { snapshot } = input;
    render(
      h(HygieneReport, {
        report,
        error: input.error,
        contentProgress: input.contentProgress,
        contentScope: input.contentScope,
        roleNames: snapshot?.customRoleNames,
        exportError,
        onClose: input.onClose,
        onOffboard: input.onOffboard,
        onChangeEmail: input.onChangeEmail,
        onExport(format, rows) {
          if (!report || !snapshot) return;
          try {
            const now = new Date();
            const meta = { org: { url: snapshot.org.url, name: snapshot.org.name }, readAt: snapshot.readAt, exportedAt: now.toISOString() };
            const text = format === 'csv' ? hygieneCsv(rows, snapshot.customRoleNames) : hygieneJson(report, rows, meta, snapshot.customRoleNames);
            downloadText(hygieneFileName(snapshot.org.url, now, format), text, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json', host);
            exportError = null;
          } catch (error) {
            exportError = t('hygExportFailed', { error: String(error) });
          }
          draw();
        },
      }),
      root,
    );
  };
  draw();
  return {
    update(next) {
      input = next;
      draw();
    },
    unmount() {
      render(null, root);
      style.remove();
      root.remove();
    },
  };
};

export default defineUnlistedScript(() => {
  const file: HygieneFile = { open: (options, signal) => openHygieneReport(options, signal, mount) };
  (globalThis as Record<string, unknown>)[HYGIENE_GLOBAL] = file;
});
