/**
 * Says in the page what the popup's diagnostics know: a landmark a feature relies on that should be
 * on screen and is not (Amplitude changed its page). Probes with the features' own finders
 * (utils/amplitude/landmarks.ts) after the page's DOM settles, and reports a landmark only once it
 * has been missing for a moment, so a table still loading is not called missing.
 */
import { FEATURE_NAMES, LANDMARKS, probeLandmarks, type LandmarkId } from '@/utils/amplitude/landmarks';

export interface MissingLandmark {
  id: LandmarkId;
  name: string;
  /** The names of the features that cannot work without it. */
  features: string[];
}

export interface LandmarkWatchOptions {
  /** How long a landmark must be missing before it is reported (ms). */
  graceMs?: number;
  /** At most one probe per this many ms while the page changes. */
  throttleMs?: number;
  now?: () => number;
}

export function watchMissingLandmarks(
  doc: Document,
  observed: Node,
  signal: AbortSignal,
  onChange: (missing: MissingLandmark[]) => void,
  { graceMs = 2_000, throttleMs = 400, now = Date.now }: LandmarkWatchOptions = {},
): void {
  const since = new Map<LandmarkId, number>();
  let reported = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    timer = undefined;
    if (signal.aborted) return;
    const statuses = probeLandmarks(doc);
    const at = now();
    let recheckIn = Infinity;
    const missing: MissingLandmark[] = [];
    for (const landmark of LANDMARKS) {
      if (statuses[landmark.id] !== 'missing') {
        since.delete(landmark.id);
        continue;
      }
      const first = since.get(landmark.id) ?? at;
      since.set(landmark.id, first);
      if (at - first >= graceMs) missing.push({ id: landmark.id, name: landmark.name, features: landmark.features.map((id) => FEATURE_NAMES[id] ?? id) });
      else recheckIn = Math.min(recheckIn, first + graceMs - at);
    }
    const key = missing.map((landmark) => landmark.id).join();
    if (key !== reported) {
      reported = key;
      onChange(missing);
    }
    if (recheckIn !== Infinity) schedule(recheckIn);
  };

  function schedule(delay: number) {
    if (timer === undefined) timer = setTimeout(check, delay);
  }

  const observer = new MutationObserver(() => schedule(throttleMs));
  observer.observe(observed, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label', 'aria-selected', 'role'] });
  schedule(0);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );
}
