/**
 * What the two throughput benches (bench-invite.ts, bench-offboard.ts) share: the double's own
 * request time for an operation as the page saw it, the median of several timed runs, and the
 * ratio of a run to a lower bound.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { createConsoleDouble, type ConsoleDouble } from '../../test/console/server/double';
import { launchBrowser } from '../../test/e2e/support/launch';
import { serveAmplitude } from '../../test/e2e/support/routing';

type Seed = NonNullable<NonNullable<Parameters<typeof createConsoleDouble>[0]>['seed']>;

/** A fresh double and a fresh Chromium (with or without the extension) answering for it. */
export async function openConsole(seed: Seed, extension: boolean): Promise<{ double: ConsoleDouble; context: BrowserContext; page: Page }> {
  const double = createConsoleDouble({ seed });
  const context = await launchBrowser({ extension, headless: true });
  await serveAmplitude(context, (request) => double.handle(request));
  const page = context.pages()[0] ?? (await context.newPage());
  return { double, context, page };
}

/**
 * How long the newest request of each named operation took as the page saw it (Resource Timing),
 * summed, each at least `latencyMs` (what the double's latency alone costs).
 */
export async function requestTimeMs(page: Page, operations: readonly string[], latencyMs: number): Promise<number> {
  const durations = await page.evaluate((names) => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return names.map((name) => {
      const found = entries.filter((entry) => entry.name.includes(`q=${name}`)).at(-1);
      return found ? found.responseEnd - found.startTime : 0;
    });
  }, operations);
  return Math.round(durations.reduce((sum, ms) => sum + Math.max(ms, latencyMs), 0));
}

export const ratio = (ms: number, boundMs: number) => Math.round((ms / boundMs) * 100) / 100;

/** Runs `run` `count` times, one after the other, and returns every run and the median one (by wall time). */
export async function timedRuns<R extends { wallMs: number }>(count: number, run: () => Promise<R>): Promise<{ runs: R[]; median: R }> {
  const runs: R[] = [];
  for (let index = 0; index < count; index++) {
    runs.push(await run());
    console.log(`run ${index + 1}/${count}: ${runs[index]?.wallMs} ms`);
  }
  const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return { runs, median: byWall[Math.floor((byWall.length - 1) / 2)] as R };
}
