#!/usr/bin/env node
// Fails when a built manifest asks for more than we need: `storage` and the three Amplitude hosts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const HOSTS = ['https://analytics.amplitude.com/*', 'https://app.amplitude.com/*', 'https://app.eu.amplitude.com/*'];
const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['.output/chrome-mv3/manifest.json'];
const problems = [];
const sorted = (list) => [...(list ?? [])].sort();
const same = (a, b) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

for (const file of targets) {
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const say = (text) => problems.push(`${file}: ${text}`);
  if (manifest.manifest_version !== 3) say(`manifest_version is ${manifest.manifest_version}, expected 3`);
  // name and description are __MSG_key__ references into _locales/<default_locale>/messages.json.
  const localeFile = join(dirname(file), '_locales', manifest.default_locale ?? 'en', 'messages.json');
  const messages = existsSync(localeFile) ? JSON.parse(readFileSync(localeFile, 'utf8')) : {};
  const localized = /__MSG_/.test(`${manifest.name}${manifest.description}`);
  if (localized && !manifest.default_locale) say('default_locale is not set, but the name or description is a __MSG_ reference');
  if (localized && !existsSync(localeFile)) say(`${localeFile} is missing`);
  const resolve = (text) =>
    String(text ?? '').replace(/__MSG_(\w+)__/g, (whole, key) => {
      const entry = Object.entries(messages).find(([name]) => name.toLowerCase() === key.toLowerCase());
      if (!entry) say(`${whole} has no message in ${localeFile}`);
      return entry?.[1].message ?? whole;
    });
  if (resolve(manifest.name) !== 'Admin Lens for Amplitude') say(`name is "${manifest.name}" ("${resolve(manifest.name)}")`);
  if (manifest.description !== undefined && !resolve(manifest.description)) say('description is empty');
  if (!same(manifest.permissions, ['storage'])) say(`permissions ${JSON.stringify(manifest.permissions)}; only "storage" is allowed`);
  if (manifest.optional_permissions?.length) say('optional_permissions must be empty');
  if (manifest.optional_host_permissions?.length) say('optional_host_permissions must be empty');
  if (!same(manifest.host_permissions, HOSTS)) say(`host_permissions ${JSON.stringify(manifest.host_permissions)}; expected ${HOSTS.join(', ')}`);
  for (const script of manifest.content_scripts ?? []) {
    if (!same(script.matches, HOSTS)) say(`content script ${script.js} matches ${JSON.stringify(script.matches)}`);
  }
  // Chrome: a page could tell Admin Lens is installed by fetching a file at the fixed extension id;
  // under the per-session dynamic id it cannot. Firefox's ids are random per install already.
  const firefox = Boolean(manifest.browser_specific_settings?.gecko);
  for (const resource of manifest.web_accessible_resources ?? []) {
    if (!same(resource.matches, HOSTS)) say(`web_accessible_resources exposed to ${JSON.stringify(resource.matches)}`);
    if (!firefox && resource.use_dynamic_url !== true) say(`web_accessible_resources ${JSON.stringify(resource.resources)} without use_dynamic_url`);
  }
  if (manifest.externally_connectable) say('externally_connectable must not be set');
  if (JSON.stringify(manifest).includes('localhost')) say('mentions localhost');
}

if (problems.length) {
  console.error('The built manifest asks for more than Admin Lens needs:');
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`check-manifest: ${targets.join(', ')}: MV3, permissions [storage], hosts ${HOSTS.length} Amplitude hosts only.`);
