// @vitest-environment node
/**
 * The access engine stays pure: findings are codes with facts, the words are the UI's. Proved two
 * ways, because a unit test's own setup (test/unit-setup.ts, WXT's fake browser) would hide an
 * import of the browser's i18n:
 * 1. the engine's module graph, followed from engine.ts, holds no i18n, no browser and no UI file;
 * 2. a plain Node process, with no `browser` or `chrome` global and no i18n stand-in, imports the
 *    engine and computes a report with findings (one of them about a name that lies).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const ENGINE = path.join(ROOT, 'utils/access/engine.ts');

/** Every file the engine imports, directly or not (type-only imports included), and every package. */
function moduleGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
      if (!specifier) continue;
      const relative = specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : null;
      if (relative === null) {
        packages.add(specifier);
        continue;
      }
      const resolved = [relative, `${relative}.ts`, `${relative}.tsx`, path.join(relative, 'index.ts')].find((candidate) => existsSync(candidate) && candidate.match(/\.(ts|tsx|json)$/));
      if (!resolved) throw new Error(`${path.relative(ROOT, file)}: cannot resolve ${specifier}`);
      if (resolved.endsWith('.ts') || resolved.endsWith('.tsx')) queue.push(resolved);
      else files.add(resolved);
    }
  }
  return { files, packages };
}

describe('the access engine is pure', () => {
  it('imports nothing of the browser, its i18n or the UI', () => {
    const { files, packages } = moduleGraph(ENGINE);
    const names = [...files].map((file) => path.relative(ROOT, file)).sort();
    // The scan works: it reaches the findings and the visible-text check they use.
    expect(names).toEqual(expect.arrayContaining(['utils/access/engine.ts', 'utils/access/findings.ts', 'utils/access/cell-findings.ts', 'utils/text/visible-text.ts']));
    expect(names.filter((name) => !/^utils\/(access|text)\//.test(name))).toEqual([]);
    expect(names).not.toContain('utils/access/finding-words.ts');
    expect(names).not.toContain('utils/access/phrases.ts');
    expect([...packages]).toEqual(['zod/mini']);
    for (const file of files) expect(readFileSync(file, 'utf8'), path.relative(ROOT, file)).not.toMatch(/\b(browser|chrome)\.(i18n|runtime)\b|\bt\(\s*'/);
  });

  it('computes a report with findings in plain Node, with no browser global', () => {
    const script = `
      if ('browser' in globalThis || 'chrome' in globalThis) throw new Error('a browser global is present');
      const { computeAccessReport } = await import(${JSON.stringify(ENGINE)});
      const { buildSnapshot } = await import(${JSON.stringify(path.join(ROOT, 'utils/access/test-snapshot.ts'))});
      const snapshot = buildSnapshot({
        members: { a: { name: 'Ada', orgRole: 'admin' }, r: { name: 'Rita \\u202Efdp.exe', roles: { p1: 'viewer' } } },
        groups: { g: { name: 'Analysts', roles: { p1: 'manager' }, memberIds: ['r'] } },
      });
      const report = computeAccessReport(snapshot);
      console.log(JSON.stringify(report.findings.map((finding) => ({ key: finding.key, params: finding.params }))));
    `;
    const env = { ...process.env };
    delete env.NODE_OPTIONS; // nothing preloaded but tsx, to read TypeScript
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, env, encoding: 'utf8' });
    const findings = JSON.parse(output) as { key: string; params: Record<string, unknown> }[];
    expect(findings.map((finding) => finding.key)).toEqual(['sole-admin:a', 'hidden-characters:r', 'escalated-through-group:r:g', 'redundant-direct-grant:r', 'mixed-management:r']);
    expect(findings[1]?.params).toMatchObject({ inName: [0x202e], inEmail: [] });
    // Facts, not words: nothing in a finding was said in any language.
    expect(output).not.toMatch(/explanation|fix|⟦/);
  });
});
