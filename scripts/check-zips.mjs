#!/usr/bin/env node
// Builds the Chrome and Firefox store zips and fails on any warning WXT prints.
import { spawnSync } from 'node:child_process';

let failed = false;
for (const args of [['zip'], ['zip', '-b', 'firefox']]) {
  const run = spawnSync('npx', ['wxt', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const output = `${run.stdout}\n${run.stderr}`;
  const warnings = output.split('\n').filter((line) => /\bwarn/i.test(line) && !/EBADENGINE|Node\.js v?22|requires Node/i.test(line));
  const zips = output.split('\n').filter((line) => /\.zip/.test(line)).map((line) => line.replace(/^[\s├└─]+/, '').trim());
  if (run.status !== 0 || warnings.length) {
    failed = true;
    console.error(`wxt ${args.join(' ')} failed or warned:\n${warnings.join('\n') || output}`);
  } else {
    console.log(`wxt ${args.join(' ')}: no warnings; ${zips.join('; ')}`);
  }
}
process.exit(failed ? 1 : 0);
