/**
 * Content script for Amplitude's Members & Groups page. It stays idle everywhere else: it only
 * watches for the page (URL and heading), and starts every feature that is switched on (settings)
 * with an AbortSignal that is aborted as soon as the page is left, including by client-side
 * navigation, or the feature is switched off.
 */
import { AMPLITUDE_MATCHES } from '@/utils/amplitude/hosts';
import { createOnceReporter } from '@/utils/features/registry';
import { featureSwitch, followSettings } from './feature-switch';
import { watchMembersPage } from './page-watcher';
import { FEATURES } from './features';
import { createOrgData, prefetchCachedSnapshot, type OrgData } from './org-data';
import { answerDiagnostics } from './diagnostics';
import { parseSettingsLocation } from '@/utils/amplitude/page';
import { installRemovalFallback } from './removal-guard-fallback';
import './style.css';

export default defineContentScript({
  matches: AMPLITUDE_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    // First, so that its capture listeners run before the guard's: it stands in for the guard
    // once the extension is gone (updated or reloaded with this tab open).
    const fallback = installRemovalFallback();
    const report = createOnceReporter();
    let visit: OrgData | null = null;
    answerDiagnostics(ctx, () => visit);
    // The options page's settings: a region switched off leaves its host alone; features go on and
    // off at once, each with its own AbortSignal under the visit's.
    const features = featureSwitch(FEATURES, report);
    let watching = false;
    followSettings(ctx, (options) => {
      features.apply(options);
      fallback.setArmed(options.regions?.[location.host] !== false && options.features?.['removal-guard'] !== false);
      if (watching || options.regions?.[location.host] === false) return;
      watching = true;
      const settings = parseSettingsLocation(location.href);
      if (settings) prefetchCachedSnapshot(settings.orgUrl);
      watchMembersPage(ctx, (page, signal) =>
        features.visit(
          signal,
          (runSignal, findingOptions) => {
            const orgData = (visit = createOrgData(page, runSignal, findingOptions));
            runSignal.addEventListener('abort', () => visit === orgData && (visit = null), { once: true });
            return { ctx, page, orgData };
          },
          // New thresholds: the same data computed again; what does not show findings runs on.
          (context, findingOptions) => context.orgData.setFindingOptions(findingOptions),
        ),
      );
    });
  },
});
