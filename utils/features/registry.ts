/**
 * A tiny feature registry in the spirit of refined-github: each feature is one file that exports
 * a `Feature`; the content script starts all of them with an AbortSignal that fires when the page
 * is left. A feature that throws (synchronously or asynchronously) is reported once, by name, and
 * never stops the others or the host page.
 */

export interface Feature<Context> {
  /** Stable, kebab-case name; used in logs, diagnostics and settings. */
  id: string;
  /**
   * Starts the feature. Everything it sets up must stop when `signal` aborts.
   * Returning `false` means "not applicable here".
   */
  init(context: Context, signal: AbortSignal): void | false | Promise<void | false>;
  /**
   * Whether the feature shows what the finding thresholds decide (too many Admins, stale invites).
   * Default true: new thresholds restart it. False: a threshold change leaves it running, untouched
   * (a bulk invite in progress must never be paused by a settings change).
   */
  usesThresholds?: boolean;
}

export type FeatureOutcome = 'started' | 'not-applicable' | 'failed';

export interface FeatureReporter {
  (featureId: string, error: unknown): void;
}

/** Reports each feature's first failure only, so a failing feature cannot flood the console. */
export function createOnceReporter(
  log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
): FeatureReporter {
  const reported = new Set<string>();
  return (featureId, error) => {
    if (reported.has(featureId)) return;
    reported.add(featureId);
    log(`[Admin Lens] feature "${featureId}" failed and was stopped; the page and other features go on.`, error);
  };
}

async function startOne<Context>(
  feature: Feature<Context>,
  context: Context,
  signal: AbortSignal,
  report: FeatureReporter,
): Promise<FeatureOutcome> {
  try {
    const result = await feature.init(context, signal);
    return result === false ? 'not-applicable' : 'started';
  } catch (error) {
    if (signal.aborted) return 'not-applicable';
    report(feature.id, error);
    return 'failed';
  }
}

/** Starts every feature independently; resolves with each feature's outcome. */
export async function startFeatures<Context>(
  features: readonly Feature<Context>[],
  context: Context,
  signal: AbortSignal,
  report: FeatureReporter,
): Promise<Record<string, FeatureOutcome>> {
  const outcomes = await Promise.all(
    features.map(async (feature) => [feature.id, await startOne(feature, context, signal, report)] as const),
  );
  return Object.fromEntries(outcomes);
}
