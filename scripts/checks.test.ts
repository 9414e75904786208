// @vitest-environment node
// The safety checks must actually fail on what they guard against.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (script: string, args: string[]) => spawnSync('node', [script, ...args], { encoding: 'utf8' });

describe('check-safety', () => {
  it.each([
    ['element.innerHTML = name;'],
    ['<div dangerouslySetInnerHTML={{ __html: x }} />'],
    ['row.insertAdjacentHTML("beforeend", html);'],
    ['const f = new Function("return 1");'],
    ['eval(code);'],
  ])('fails on %s', (line) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'safety-'));
    writeFileSync(path.join(dir, 'feature.tsx'), `export const x = 1;\n${line}\n`);
    const result = run('scripts/check-safety.mjs', [dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('feature.tsx:2');
  });

  it('passes text rendering and ignores comments and tests', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'safety-'));
    writeFileSync(path.join(dir, 'ok.ts'), '// never use innerHTML here\nnode.textContent = name;\n');
    writeFileSync(path.join(dir, 'ok.test.ts'), 'el.innerHTML = "<b>fixture</b>";\n');
    expect(run('scripts/check-safety.mjs', [dir]).status).toBe(0);
  });
});

describe('check-manifest', () => {
  const good = {
    manifest_version: 3,
    name: 'Admin Lens for Amplitude',
    permissions: ['storage'],
    host_permissions: ['https://app.amplitude.com/*', 'https://app.eu.amplitude.com/*', 'https://analytics.amplitude.com/*'],
  };
  const write = (manifest: object) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'manifest-')), 'manifest.json');
    writeFileSync(file, JSON.stringify(manifest));
    return file;
  };

  it('accepts exactly storage and the three hosts', () => {
    expect(run('scripts/check-manifest.mjs', [write(good)]).status).toBe(0);
  });

  it('resolves a localized name from _locales/<default_locale>/messages.json, and refuses a missing message', () => {
    const localized = { ...good, name: '__MSG_extensionName__', description: '__MSG_extensionDescription__', default_locale: 'en' };
    const file = write(localized);
    const messages = path.join(path.dirname(file), '_locales', 'en');
    mkdirSync(messages, { recursive: true });
    const entry = (message: string) => ({ message, description: 'd' });
    writeFileSync(path.join(messages, 'messages.json'), JSON.stringify({ extensionName: entry('Admin Lens for Amplitude'), extensionDescription: entry('Effective access.') }));
    expect(run('scripts/check-manifest.mjs', [file]).status).toBe(0);
    writeFileSync(path.join(messages, 'messages.json'), JSON.stringify({ extensionName: entry('Admin Lens for Amplitude') }));
    const missing = run('scripts/check-manifest.mjs', [file]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('__MSG_extensionDescription__');
  });

  it.each([
    ['an extra permission', { ...good, permissions: ['storage', 'tabs'] }, 'permissions'],
    ['all URLs', { ...good, host_permissions: [...good.host_permissions, '<all_urls>'] }, 'host_permissions'],
    ['localhost', { ...good, host_permissions: [...good.host_permissions.slice(1), 'http://localhost/*'] }, 'host_permissions'],
    ['MV2', { ...good, manifest_version: 2 }, 'manifest_version'],
  ])('refuses %s', (_label, manifest, text) => {
    const result = run('scripts/check-manifest.mjs', [write(manifest)]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(text);
  });
});
