#!/usr/bin/env node
// Bundle report: raw and gzip bytes of every built file, as a table and as JSON (bench/bundle.json).
// Fails when an entry exceeds its budget. Run `npm run build` first (npm run bench does).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const OUTPUT = `${process.env.ADMIN_LENS_OUT_DIR || '.output'}/chrome-mv3`;
/** Budgets in gzip bytes (issue 2: the content script at most 50 KB gzip). */
const BUDGETS = { 'content-scripts/members.js': 50 * 1024 };

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

const rows = [...files(OUTPUT)]
  .filter((file) => /\.(js|css|html|json)$/.test(file))
  .map((file) => {
    const bytes = readFileSync(file);
    const name = path.relative(OUTPUT, file);
    const budget = BUDGETS[name];
    const gzip = gzipSync(bytes, { level: 9 }).length;
    return { file: name, raw: bytes.length, gzip, budget: budget ?? null, ratio: budget ? gzip / budget : null };
  })
  .sort((a, b) => b.gzip - a.gzip);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const table = rows.map((row) => ({
  file: row.file,
  raw: kb(row.raw),
  gzip: kb(row.gzip),
  budget: row.budget ? `${kb(row.budget)} (${Math.round(row.ratio * 100)}% used)` : '',
}));
console.table(table);

const over = rows.filter((row) => row.budget && row.gzip > row.budget);
const content = rows.find((row) => row.file === 'content-scripts/members.js');
if (content) console.log(`Content script: ${kb(content.gzip)} gzip of a ${kb(content.budget)} budget (${(content.ratio * 100).toFixed(0)}%).`);

mkdirSync('bench', { recursive: true });
writeFileSync('bench/bundle.json', JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2));
console.log('Written: bench/bundle.json');
if (over.length) {
  console.error(`Over budget: ${over.map((row) => row.file).join(', ')}`);
  process.exit(1);
}
