/**
 * Waiting on the console's page, for the drivers that work its forms (invite wizard, remove
 * dialog): probe, and probe again at each DOM change (React commits a moment after our event)
 * until the probe answers, the driver is stopped, or the time is up.
 */

/** Resolves at the document's next DOM change, or after `ms`. */
export function nextDomChange(doc: Document, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => done());
    const timer = setTimeout(() => done(), ms);
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

export interface DomWaitOptions {
  timeoutMs: number;
  /** True once the driver must stop: `cancelled()` is thrown. */
  stopped(): boolean;
  cancelled(): Error;
  /** The error for a probe that never answered, from its description. */
  missing(what: string): Error;
}

export type WaitFor = <T>(probe: () => T | null | undefined | false, what: string, ms?: number) => Promise<T>;

/** `waitFor(probe, what, ms)`: the probe's first truthy answer, or the driver's own error. */
export function domWaiter(doc: Document, options: DomWaitOptions): WaitFor {
  return async function waitFor<T>(probe: () => T | null | undefined | false, what: string, ms = options.timeoutMs): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = probe();
      if (found) return found;
      if (options.stopped()) throw options.cancelled();
      if (Date.now() > deadline) throw options.missing(what);
      await nextDomChange(doc, 50);
    }
  };
}
