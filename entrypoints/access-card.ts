/**
 * The breakdown card behind the access badges, with its own copy of Preact, and the access review
 * export, built as their own file and loaded by the content script when a card first opens or an
 * export is asked for (members.content/access-card-file.ts).
 */
import { h, render } from 'preact';
import { BreakdownCard } from '@/components/BreakdownCard';
import { accessReviewCsv, accessReviewJson, accessReviewRows } from '@/utils/access/export';
import { findingWords } from '@/utils/access/finding-words';
import { cardView } from './members.content/access-badges-model';
import { ACCESS_CARD_GLOBAL, type AccessCardFile } from './members.content/access-card-file';

export default defineUnlistedScript(() => {
  const file: AccessCardFile = {
    render(host, { view, access, findings, names, ...card }) {
      render(h(BreakdownCard, { key: card.titleId, ...cardView(view, access, findings, names), ...card }), host);
    },
    unmount(host) {
      render(null, host);
    },
    accessReview(report, format, meta, names) {
      const rows = accessReviewRows(report, findingWords, names);
      // A byte order mark, so spreadsheets read names in any script as UTF-8.
      return format === 'csv' ? `\uFEFF${accessReviewCsv(rows)}` : accessReviewJson(rows, meta);
    },
  };
  (globalThis as Record<string, unknown>)[ACCESS_CARD_GLOBAL] = file;
});
