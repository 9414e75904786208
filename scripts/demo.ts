/**
 * `npm run demo`: builds the extension and the console double, starts the double with the `demo`
 * seed at the real address (https://app.amplitude.com, answered locally through Playwright's
 * routing: nothing goes to Amplitude) and opens Chromium with the extension on Members & Groups.
 *
 * With a display it opens a real window and waits until you close it. Without one (CI, SSH) it runs
 * headless, saves screenshots to demo-output/ and says where.
 *
 *   npm run demo -- --seed sole-admin     another bundled org (demo, sole-admin, org-level, large)
 *   npm run demo -- --headless            force headless screenshots
 *   npm run demo -- --markup aria-grid    the page in another markup variant (test/console/shared/markup.ts)
 *   npm run demo -- --no-build            reuse the existing builds
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { markupVariantArg } from '../test/console/cli';
import { createConsoleDouble } from '../test/console/server/double';
import { launchBrowser } from '../test/e2e/support/launch';
import { serveAmplitude } from '../test/e2e/support/routing';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: 'demo' },
    markup: { type: 'string', default: 'default' },
    headless: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});

function run(command: string, args: string[]): void {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  const markup = markupVariantArg(values.markup);
  if (!values['no-build']) {
    run('npx', ['wxt', 'build']);
    run('npx', ['vite', 'build', '--config', 'test/console/vite.config.ts', '--logLevel', 'warn']);
  }
  const double = createConsoleDouble({ seed: values.seed });
  double.backend.setMarkup(markup);
  const orgUrl = double.backend.state().org.url;
  const url = `https://app.amplitude.com/analytics/${orgUrl}/settings/members`;
  const headless = values.headless || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

  const context = await launchBrowser({ extension: true, headless });
  await serveAmplitude(context, (request) => double.handle(request));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  // Any casing: --markup may render the labels in sentence or upper case.
  await page.getByRole('heading', { name: /^team members & groups$/i }).waitFor();
  await page.locator('admin-lens-chip').waitFor({ timeout: 10_000 }).catch(() => {
    console.warn('The Admin Lens chip did not appear within 10 s: is the extension built (npm run build)?');
  });

  if (headless) {
    const outputDir = path.resolve('demo-output');
    mkdirSync(outputDir, { recursive: true });
    const users = path.join(outputDir, 'members-users.png');
    await page.screenshot({ path: users, fullPage: true });
    await page.getByRole('tab', { name: /^groups$/i }).click();
    const groups = path.join(outputDir, 'members-groups.png');
    await page.screenshot({ path: groups, fullPage: true });
    console.log(`No display: ran headless on ${url} (seed "${values.seed}").\nScreenshots:\n  ${users}\n  ${groups}`);
    await context.close();
    return;
  }
  console.log(`Chromium is open on ${url} (seed "${values.seed}"), served locally.\nClose the browser window to stop.`);
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
