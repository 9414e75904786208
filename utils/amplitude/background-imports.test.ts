// @vitest-environment node
/**
 * The console refuses data requests whose Origin is not the page's (its CSRF check [code]). A
 * content script's fetch carries the page's origin; the background's (a service worker) would
 * carry the extension's. So the data client must never be part of the background: this walks the
 * background's imports, file by file, and fails if it reaches console-client.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : null;
  if (!base) return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  return null;
}

function importsOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(file, match[1] ?? match[2] ?? '');
      if (target) queue.push(target);
    }
  }
  return seen;
}

describe('the data client stays out of the background', () => {
  it('is imported by the content script', () => {
    expect([...importsOf(join(ROOT, 'entrypoints/members.content/index.tsx'))]).toContain(join(ROOT, 'utils/amplitude/console-client.ts'));
  });

  it('is not imported by the background, directly or indirectly', () => {
    const files = [...importsOf(join(ROOT, 'entrypoints/background.ts'))];
    expect(files.length).toBeGreaterThan(3);
    expect(files).not.toContain(join(ROOT, 'utils/amplitude/console-client.ts'));
  });
});
