/**
 * The breakdown card behind the access badges, with its own copy of Preact, built as its own file
 * and loaded by the content script when a card first opens (members.content/access-card-file.ts).
 */
import { h, render } from 'preact';
import { BreakdownCard } from '@/components/BreakdownCard';
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
  };
  (globalThis as Record<string, unknown>)[ACCESS_CARD_GLOBAL] = file;
});
