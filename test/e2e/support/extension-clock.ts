/**
 * Sets the clock of the extension's content script, the one that judges ages (stale invites, the
 * removal guard's 30 days), to a chosen moment; from there time goes on at its normal pace, so
 * waits and deadlines still work.
 *
 * Playwright's `page.clock` cannot do this: it replaces `Date` in the page's own world, and a
 * content script runs in an isolated world with its own `Date` (checked: with `page.clock`
 * a year ahead, the summary's stale invites did not change). So the clock is installed through
 * CDP in the isolated world Chromium creates for the extension, the moment that world appears,
 * before the content script has read the org. Call it before the page is opened.
 */
import type { Page } from '@playwright/test';

/** Runs in the content script's world: a Date that reads `at` now and goes on from there. */
function installShiftedDate(at: number): void {
  const Real = Date;
  const offset = at - Real.now();
  class ShiftedDate extends Real {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(Real.now() + offset);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return Real.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

/**
 * From now on, every content-script world of the extension opened in `page` starts at `at` (epoch
 * ms). `installed()` resolves once it is in the newest such world: what the content script
 * computes after that (a Refresh, say) is computed on that clock.
 */
export async function setExtensionClock(page: Page, extensionId: string, at: number): Promise<{ installed: () => Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  let latest: Promise<unknown> | null = null;
  let appeared: () => void = () => undefined;
  const firstWorld = new Promise<void>((resolve) => (appeared = resolve));
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string } | undefined;
    if (aux?.type !== 'isolated' || context.origin !== `chrome-extension://${extensionId}`) return;
    latest = cdp.send('Runtime.evaluate', { contextId: context.id, expression: `(${installShiftedDate.toString()})(${at})` });
    appeared();
  });
  await cdp.send('Runtime.enable');
  return {
    async installed() {
      await firstWorld;
      await latest;
    },
  };
}
