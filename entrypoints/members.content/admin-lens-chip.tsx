/** First feature: a chip beside the heading saying that Admin Lens is active, for which org, and how fresh its data is. */
import { render } from 'preact';
import type { Feature } from '@/utils/features/registry';
import { StatusChip } from '@/components/StatusChip';
import type { MembersContext } from './context';
import type { OrgDataState } from './org-data';

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function describe(state: OrgDataState): { detail: string; error: string | null } {
  const asOf = state.snapshot ? `as of ${TIME.format(new Date(state.snapshot.readAt))}` : '';
  const members = state.snapshot ? `${state.snapshot.members.length} members` : '';
  switch (state.status) {
    case 'loading':
      return { detail: 'Reading the org…', error: null };
    case 'refreshing':
      return { detail: `${members} · ${asOf} · refreshing…`, error: null };
    case 'ready':
      return { detail: `${members} · ${asOf}`, error: null };
    case 'error':
      return {
        detail: state.snapshot ? `last read ${asOf.replace('as of ', '')}, not current` : 'no data',
        error: `Admin Lens could not read the org: ${state.error ?? 'unknown error'}`,
      };
  }
}

export const adminLensChip: Feature<MembersContext> = {
  id: 'admin-lens-chip',
  async init({ ctx, page, orgData }, signal) {
    const ui = await createShadowRootUi(ctx, {
      name: 'admin-lens-chip',
      position: 'inline',
      anchor: page.heading,
      append: 'after',
      onMount(container) {
        const unsubscribe = orgData.subscribe((state) =>
          render(<StatusChip orgLabel={page.location.orgUrl} {...describe(state)} />, container),
        );
        signal.addEventListener('abort', unsubscribe, { once: true });
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    if (signal.aborted) return;
    ui.mount();
    signal.addEventListener('abort', () => ui.remove(), { once: true });
  },
};
