import { writeFileSync } from 'node:fs';
import { createConsoleDouble } from '../test/console/server/double';
import { launchBrowser } from '../test/e2e/support/launch';
import { serveAmplitude } from '../test/e2e/support/routing';
const URL_ = 'https://app.amplitude.com/analytics/large-org/settings/members';
async function run(extension: boolean) {
  const double = createConsoleDouble({ seed: 'large' });
  const context = await launchBrowser({ extension, headless: true });
  await serveAmplitude(context, (request) => double.handle(request));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(URL_);
  await page.waitForTimeout(15000);
  await page.reload();
  await page.waitForTimeout(15000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  writeFileSync(`/tmp/heap/${extension ? 'with' : 'without'}.heapsnapshot`, chunks.join(''));
  console.log(extension, usedSize / 1048576);
  await context.close();
}
await run(false);
await run(true);
