/**
 * The Members & Groups page's features, the org's data and the diagnostics answers: its own file,
 * loaded by the content script where it can matter (members.content/members-page-file.ts).
 * Everything here runs in the content script's isolated world, with its `ctx`.
 */
import { createOnceReporter } from '@/utils/features/registry';
import { parseSettingsLocation } from '@/utils/amplitude/page';
import { featureSwitch, followSettings } from './members.content/feature-switch';
import { watchMembersPage } from './members.content/page-watcher';
import { FEATURES } from './members.content/features';
import { createOrgData, prefetchCachedSnapshot, type OrgData } from './members.content/org-data';
import { answerDiagnostics } from './members.content/diagnostics';
import { MEMBERS_PAGE_GLOBAL, type MembersPageFile } from './members.content/members-page-file';

export default defineUnlistedScript(() => {
  const file: MembersPageFile = {
    start(ctx, fallback) {
      const report = createOnceReporter();
      let visit: OrgData | null = null;
      const answer = answerDiagnostics(ctx, () => visit);
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
      return answer;
    },
  };
  (globalThis as Record<string, unknown>)[MEMBERS_PAGE_GLOBAL] = file;
});
