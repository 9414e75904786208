/** First feature: a chip beside the heading saying that Admin Lens is active, and for which org. */
import { render } from 'preact';
import type { Feature } from '@/utils/features/registry';
import { StatusChip } from '@/components/StatusChip';
import type { MembersContext } from './context';

export const adminLensChip: Feature<MembersContext> = {
  id: 'admin-lens-chip',
  async init({ ctx, page }, signal) {
    const ui = await createShadowRootUi(ctx, {
      name: 'admin-lens-chip',
      position: 'inline',
      anchor: page.heading,
      append: 'after',
      onMount(container) {
        render(<StatusChip orgLabel={page.location.orgUrl} />, container);
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
