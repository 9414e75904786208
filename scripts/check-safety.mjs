#!/usr/bin/env node
// Fails when extension code builds markup from strings or evaluates code. Names, emails and group
// names come from the page: they must be rendered as text. Test code is not shipped and is skipped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOTS = process.argv.slice(2).length ? process.argv.slice(2) : ['entrypoints', 'components', 'utils'];
const FORBIDDEN = [
  [/\binnerHTML\b/, 'innerHTML'],
  [/\bouterHTML\b/, 'outerHTML'],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML'],
  [/\bdangerouslySetInnerHTML\b/, 'dangerouslySetInnerHTML'],
  [/\bdocument\.write(ln)?\s*\(/, 'document.write'],
  [/(^|[^.\w])eval\s*\(/, 'eval'],
  [/\bnew\s+Function\s*\(/, 'new Function'],
  [/\bcreateContextualFragment\b/, 'createContextualFragment'],
  [/\bsetHTMLUnsafe\b/, 'setHTMLUnsafe'],
  [/\bset(Timeout|Interval)\s*\(\s*['"`]/, 'string timer'],
];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (/\.(ts|tsx|js|jsx|mjs)$/.test(name) && !/\.test\.(ts|tsx)$/.test(name)) yield full;
  }
}

const problems = [];
for (const root of ROOTS) {
  for (const file of files(root)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (/^\s*(\/\/|\*)/.test(line)) return; // comments may name what they avoid
        for (const [pattern, label] of FORBIDDEN) {
          if (pattern.test(line)) problems.push(`${file}:${index + 1}: ${label}: ${line.trim()}`);
        }
      });
  }
}

if (problems.length) {
  console.error('Markup built from strings or code evaluated from strings (render page data as text instead):');
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`check-safety: no string-built markup or eval in ${ROOTS.join(', ')}.`);
