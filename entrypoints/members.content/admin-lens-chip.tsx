/** First feature: a chip beside the heading saying that Admin Lens is active, for which org, and how fresh its data is. */
import { render } from 'preact';
import type { Feature } from '@/utils/features/registry';
import { StatusChip } from '@/components/StatusChip';
import type { MembersContext } from './context';
import type { OrgDataState } from './org-data';
import { watchMissingLandmarks, type MissingLandmark } from './landmark-watch';
import { rowCensus, type RowCensus } from './row-census';
import { t, tCount } from '@/utils/i18n';
import { UI_STYLES } from './ui-styles';
import { createShadowUi } from './shadow-ui';

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function describe(state: OrgDataState): { detail: string; error: string | null } {
  const time = state.snapshot ? TIME.format(new Date(state.snapshot.readAt)) : '';
  const members = state.snapshot ? tCount('chipMembers', state.snapshot.members.length) : '';
  switch (state.status) {
    case 'loading':
      return { detail: t('chipReading'), error: null };
    case 'refreshing':
      return { detail: t('chipRefreshing', { members, time }), error: null };
    case 'ready':
      return { detail: t('chipReady', { members, time }), error: null };
    case 'error':
      return {
        detail: state.snapshot ? t('chipStale', { time }) : t('chipNoData'),
        error: t('chipReadFailed', { error: state.error ?? t('unknownError') }),
      };
  }
}

export const adminLensChip: Feature<MembersContext> = {
  id: 'admin-lens-chip',
  // Shows the data's state, no findings: a threshold change does not restart it.
  usesThresholds: false,
  async init({ ctx, page, orgData }, signal) {
    const ui = await createShadowUi(ctx, {
      css: UI_STYLES,
      name: 'admin-lens-chip',
      position: 'inline',
      anchor: page.heading,
      append: 'after',
      onMount(container) {
        let state = orgData.get();
        let missing: MissingLandmark[] = [];
        let census: RowCensus | null = null;
        const draw = () =>
          render(
            <StatusChip
              orgLabel={page.location.orgUrl}
              {...describe(state)}
              missing={
                missing.length
                  ? t('chipMissingLandmarks', { landmarks: missing.map((landmark) => t('chipMissingLandmark', { landmark: landmark.name, features: landmark.features.join(', ') })).join('; ') })
                  : null
              }
              rowsNote={census?.unreadable ? tCount('chipRowsUnreadable', census.unreadable) : null}
              storageNote={state.storageError ? t('chipStorageFailed', { error: state.storageError }) : null}
            />,
            container,
          );
        const unsubscribe = orgData.subscribe((next) => {
          state = next;
          draw();
        });
        // What a feature needs and cannot find is said here, where the admin looks (and in the popup).
        watchMissingLandmarks(document, document.body, signal, (next) => {
          // Unreadable rows are told with their count (the badges' census), not as a landmark.
          missing = next.filter((landmark) => landmark.id !== 'users-row-identity');
          draw();
        });
        // Rows with no email and no unique name get no badge: said here, where the admin looks.
        const offCensus = rowCensus.subscribe((next) => {
          census = next;
          draw();
        });
        signal.addEventListener(
          'abort',
          () => {
            unsubscribe();
            offCensus();
          },
          { once: true },
        );
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
