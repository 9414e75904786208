// @vitest-environment node
/**
 * The layering (README, Layout): utils/ is what the pages and features are made of, so nothing in
 * it imports a component or an entrypoint (not even a type): the dependency goes one way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield full;
  }
}

describe('layering', () => {
  it('nothing in utils/ imports from components/ or entrypoints/', () => {
    const offenders: string[] = [];
    for (const file of sources(path.resolve(__dirname))) {
      for (const [, from] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        if (/^@\/(components|entrypoints)\/|(^|\/)\.\.\/(\.\.\/)*(components|entrypoints)\//.test(from ?? '')) offenders.push(`${path.relative(__dirname, file)} -> ${from}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
