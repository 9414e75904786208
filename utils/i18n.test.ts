// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import messages from '@/public/_locales/en/messages.json';
import { t, tCount } from './i18n';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> };
const MESSAGES = messages as Record<string, Entry>;
const ROOT = path.resolve(__dirname, '..');

/** Placeholder names a message's text uses, lower case, sorted. */
const used = (text: string) => [...new Set([...text.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => match[1]!.toLowerCase()))].sort();
const declared = (key: string) => Object.keys(MESSAGES[key]?.placeholders ?? {}).sort();

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield full;
  }
}
const FILES = ['components', 'entrypoints', 'utils'].flatMap((dir) => [...sources(path.join(ROOT, dir))]);
const CODE = FILES.map((file) => ({ file: path.relative(ROOT, file), text: readFileSync(file, 'utf8') }));

/** Top-level property names of the object literal starting at `text[start] === '{'` (null: a spread, can't tell). */
function objectKeys(text: string, start: number): string[] | null {
  let depth = 0;
  let part = '';
  const parts: string[] = [];
  for (let i = start; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === "'" || char === '"' || char === '`') {
      const end = text.indexOf(char, i + 1);
      part += text.slice(i, end + 1);
      i = end;
      continue;
    }
    if ('{([<'.includes(char) && !(char === '<' && depth > 1)) depth += char === '<' ? 0 : 1;
    if ('})]'.includes(char)) depth -= 1;
    if (depth === 0) break;
    if (depth === 1 && char === ',') {
      parts.push(part);
      part = '';
    } else if (!(depth === 1 && char === '{' && i === start)) part += char;
  }
  parts.push(part);
  const names = parts.map((item) => item.trim()).filter(Boolean);
  if (names.some((item) => item.startsWith('...'))) return null;
  return names.map((item) => /^([A-Za-z_$][\w$]*)/.exec(item)?.[1] ?? item).sort();
}

/** Every `t('key'…)` / `tCount('base'…)` call with a literal key, with its substitution names when visible. */
const CALLS = CODE.flatMap(({ file, text }) =>
  [...text.matchAll(/\b(t|tCount)\(\s*'([A-Za-z0-9_]+)'\s*(,\s*)?/g)].map((match) => {
    const after = match.index! + match[0].length;
    let names: string[] | null = [];
    if (match[3]) {
      if (match[1] === 'tCount') {
        // tCount('base', count, { … }): skip the count argument.
        const rest = text.slice(after);
        const comma = /^[^,()]*(\([^)]*\))?[^,()]*,\s*\{/.exec(rest);
        names = comma ? objectKeys(text, after + comma[0].length - 1) : [];
      } else names = text[after] === '{' ? objectKeys(text, after) : null;
    }
    return { file, fn: match[1] as 't' | 'tCount', key: match[2]!, names };
  }),
);

describe('messages.json (en)', () => {
  it('gives every message a text and a description for translators', () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      expect(/^[A-Za-z0-9_]+$/.test(key), key).toBe(true);
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.description?.trim(), `${key} has no description`).toBeTruthy();
      // The generated .wxt/types/i18n.d.ts puts descriptions in /** … */ comments.
      expect(entry.description, key).not.toContain('*/');
    }
  });

  it('declares exactly the placeholders a message uses, numbered $1… in alphabetical order', () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      expect(entry.message, `${key}: "$$" is an escaped dollar; no message needs one`).not.toContain('$$');
      expect(used(entry.message), key).toEqual(declared(key));
      declared(key).forEach((name, index) => {
        expect(entry.placeholders?.[name]?.content, `${key}.${name}`).toBe(`$${index + 1}`);
        expect(entry.placeholders?.[name]?.example, `${key}.${name} has no example`).toBeTruthy();
      });
      expect(declared(key).length, key).toBeLessThanOrEqual(9);
    }
  });

  it('has the same placeholders, including count, in both forms of a counted message', () => {
    for (const key of Object.keys(MESSAGES).filter((name) => name.endsWith('One'))) {
      const many = `${key.slice(0, -3)}Many`;
      if (!MESSAGES[many]) continue;
      expect(declared(key), key).toEqual(declared(many));
      expect(declared(key), key).toContain('count');
    }
  });

  it('has no message the code never uses', () => {
    const all = `${CODE.map((item) => item.text).join('\n')}\n${readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8')}`;
    const unused = Object.keys(MESSAGES).filter((key) => {
      const base = /^(.*)(One|Many)$/.exec(key)?.[1];
      return ![`'${key}'`, `__MSG_${key}__`, ...(base ? [`tCount('${base}'`] : [])].some((needle) => all.includes(needle));
    });
    expect(unused).toEqual([]);
  });
});

describe('t() calls in the source', () => {
  it('finds the calls (the scan works)', () => {
    expect(CALLS.length).toBeGreaterThan(100);
    expect(CALLS.find((call) => call.key === 'auditShowing')?.names).toEqual(['shown', 'total']);
  });

  it('name only keys that exist, with the placeholders each message declares', () => {
    const problems: string[] = [];
    for (const { file, fn, key, names } of CALLS) {
      const keys = fn === 'tCount' ? [`${key}One`, `${key}Many`] : [key];
      for (const name of keys) {
        if (!MESSAGES[name]) {
          problems.push(`${file}: ${fn}('${key}') — no message "${name}"`);
          continue;
        }
        const wanted = declared(name).filter((placeholder) => fn === 't' || placeholder !== 'count');
        if (names !== null && JSON.stringify(names) !== JSON.stringify(wanted)) {
          problems.push(`${file}: ${fn}('${key}') passes [${names.join(', ')}], "${name}" declares [${wanted.join(', ')}]`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('t()', () => {
  it('substitutes named values in their placeholders, whatever the order they are passed in', () => {
    expect(t('auditShowing', { total: 9, shown: 3 })).toBe('Showing 3 of 9 entries');
    expect(t('diagDataCounts', { head: 'Ready', members: 24, pending: 6, projects: 8, groups: 5 })).toBe('Ready: 24 members, 6 pending, 8 projects, 5 groups.');
  });

  it('picks the One or Many form by count', () => {
    expect(tCount('optionsFieldsNeedAttention', 1)).toBe('Not saved: 1 field needs attention.');
    expect(tCount('optionsFieldsNeedAttention', 2)).toBe('Not saved: 2 fields need attention.');
    expect(tCount('contentCharts', 0)).toBe('0 charts');
  });

  it('shows a missing key loudly', () => {
    expect((t as (key: string) => string)('noSuchMessage')).toBe('⟦noSuchMessage⟧');
  });
});
