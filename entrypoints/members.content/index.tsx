/**
 * Content script for Amplitude's Members & Groups page. It stays idle everywhere else: it only
 * watches for the page (URL and heading), and starts every feature with an AbortSignal that is
 * aborted as soon as the page is left, including by client-side navigation.
 */
import { AMPLITUDE_MATCHES } from '@/utils/amplitude/hosts';
import { createOnceReporter, startFeatures } from '@/utils/features/registry';
import { watchMembersPage } from './page-watcher';
import { FEATURES } from './features';
import { createOrgData, prefetchCachedSnapshot } from './org-data';
import { parseSettingsLocation } from '@/utils/amplitude/page';
import './style.css';

export default defineContentScript({
  matches: AMPLITUDE_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    const report = createOnceReporter();
    const settings = parseSettingsLocation(location.href);
    if (settings) prefetchCachedSnapshot(settings.orgUrl);
    watchMembersPage(ctx, (page, signal) => {
      void startFeatures(FEATURES, { ctx, page, orgData: createOrgData(page, signal) }, signal, report);
    });
  },
});
