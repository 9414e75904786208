/**
 * The breakdown card behind the access badges, with its own copy of Preact, and the access review
 * export, built as their own file and loaded by the content script when a card first opens or an
 * export is asked for (members.content/access-card-file.ts).
 */
import { h, render } from 'preact';
import { BreakdownCard } from '@/components/BreakdownCard';
import { accessReviewCsv, accessReviewJson, accessReviewRows } from '@/utils/access/export';
import { findingWords } from '@/utils/access/finding-words';
import { sourceLabel } from './members.content/access-badges-model';
import { cardView } from './members.content/card-view';
import { WhoCanPanel } from '@/components/WhoCanPanel';
import { permissionReviewCsv } from '@/utils/access/permission-export';
import { toCsv } from '@/utils/csv';
import { visibleText } from '@/utils/text/visible-text';
import { permissionModelOf } from '@/utils/access/permission-union';
import { ACCESS_CARD_GLOBAL, type AccessCardFile } from './members.content/access-card-file';

export default defineUnlistedScript(() => {
  const file: AccessCardFile = {
    render(host, { view, access, findings, names, ...card }) {
      render(h(BreakdownCard, { key: card.titleId, ...cardView(view, access, findings, names), ...card }), host);
    },
    unmount(host) {
      render(null, host);
    },
    accessReview(report, format, meta, names, snapshot) {
      const rows = accessReviewRows(report, findingWords, names, snapshot ? permissionModelOf(snapshot) : null);
      // A byte order mark, so spreadsheets read names in any script as UTF-8.
      return format === 'csv' ? `\uFEFF${accessReviewCsv(rows)}` : accessReviewJson(rows, meta);
    },
    permissionReview(report, snapshot, names) {
      return `\uFEFF${permissionReviewCsv(report, snapshot, names)}`;
    },
    renderWhoCan(host, input) {
      if (!input) {
        render(null, host);
        return;
      }
      const label = (source: Parameters<typeof sourceLabel>[0]) => sourceLabel(source, input.names);
      render(
        h(WhoCanPanel, {
          report: input.report,
          snapshot: input.snapshot,
          names: input.names,
          sourceLabel: label,
          onExport(rows, title) {
            // Formula-safe cells (utils/csv.ts), hidden characters of page data as markers.
            const lines = rows.map((row) => [visibleText(row.member.email), visibleText(row.member.name), visibleText(row.project.name), title, visibleText(row.sources.map(label).join('; '))]);
            input.download(`\uFEFF${toCsv([['email', 'name', 'project', 'permission', 'sources'], ...lines])}`, title);
          },
        }),
        host,
      );
    },
  };
  (globalThis as Record<string, unknown>)[ACCESS_CARD_GLOBAL] = file;
});
