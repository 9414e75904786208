/**
 * Which features run, from the settings (utils/settings), applied at once: a feature switched off
 * is stopped (its own AbortSignal aborts, so its UI goes), one switched on is started; new
 * thresholds restart only the features that show findings, on data computed again with them (the
 * others, the bulk invite and its run among them, go on untouched); a region switched off stops
 * everything on its host.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_MAX_ADMINS, DEFAULT_STALE_INVITE_DAYS, type FindingOptions } from '@/utils/access/findings';
import { startFeatures, type Feature, type FeatureReporter } from '@/utils/features/registry';
import type { FeatureId } from '@/utils/settings/defaults';
import { readSettings, watchSettings, type StoredSettings as Settings } from '@/utils/settings/read';

/** Calls `listener` with the settings now and after every save, until the content script dies. */
export function followSettings(ctx: ContentScriptContext, listener: (settings: Settings) => void): void {
  let saved = false;
  ctx.onInvalidated(
    watchSettings((settings) => {
      saved = true;
      listener(settings);
    }),
  );
  void readSettings().then((settings) => saved || listener(settings));
}

const childOf = (parent: AbortSignal) => {
  const controller = new AbortController();
  parent.addEventListener('abort', () => controller.abort(), { once: true });
  return controller;
};

/** Makes a visit's context (its org data computed with these finding options), alive until `signal`. */
type ContextFor<C> = (signal: AbortSignal, options: FindingOptions) => C;
/** Applies new finding options to a context in place (its data computed again, not read again). */
type Retune<C> = (context: C, options: FindingOptions) => void;

export function featureSwitch<C>(features: readonly Feature<C>[], report: FeatureReporter, host = location.host) {
  let settings: Settings | undefined;
  let visit: { signal: AbortSignal; contextFor: ContextFor<C>; retune?: Retune<C> } | undefined;
  let run: { thresholds: string; controller: AbortController; context: C; running: Map<string, AbortController> } | undefined;

  const sync = () => {
    if (!settings || !visit || visit.signal.aborted) return;
    const on = (feature: Feature<C>) => settings!.features?.[feature.id as FeatureId] !== false;
    const maxAdmins = settings.tooManyAdminsThreshold ?? DEFAULT_MAX_ADMINS;
    const staleInviteDays = settings.staleInviteDays ?? DEFAULT_STALE_INVITE_DAYS;
    const active = settings.regions?.[host] !== false && features.some(on);
    // Only a real change of threshold counts (not the defaults being written down).
    const thresholds = `${maxAdmins}/${staleInviteDays}`;
    if (run && (!active || (run.thresholds !== thresholds && !visit.retune))) {
      run.controller.abort();
      run = undefined;
    }
    if (!active) return;
    if (run && run.thresholds !== thresholds) {
      // The same data computed again with the new thresholds; only what shows findings restarts.
      visit.retune!(run.context, { maxAdmins, staleInviteDays });
      run.thresholds = thresholds;
      for (const feature of features) {
        if (feature.usesThresholds === false) continue;
        run.running.get(feature.id)?.abort();
        run.running.delete(feature.id);
      }
    }
    if (!run) {
      const controller = childOf(visit.signal);
      run = { thresholds, controller, context: visit.contextFor(controller.signal, { maxAdmins, staleInviteDays }), running: new Map() };
    }
    for (const feature of features) {
      const running = run.running.get(feature.id);
      if (running && !on(feature)) {
        running.abort();
        run.running.delete(feature.id);
      } else if (!running && on(feature)) {
        const controller = childOf(run.controller.signal);
        run.running.set(feature.id, controller);
        void startFeatures([feature], run.context, controller.signal, report);
      }
    }
  };

  return {
    /** New settings: start and stop features to match. */
    apply(next: Settings) {
      settings = next;
      sync();
    },
    /**
     * A new visit of the page, until `signal` aborts. With `retune`, new thresholds are applied to
     * the visit's context in place; without it, they give the visit a new context and restart all.
     */
    visit(signal: AbortSignal, contextFor: ContextFor<C>, retune?: Retune<C>) {
      visit = retune ? { signal, contextFor, retune } : { signal, contextFor };
      run = undefined;
      sync();
    },
  };
}
