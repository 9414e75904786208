/**
 * For specs that run our own code in Node (e.g. the access engine, to compare with what the page
 * shows): `browser.i18n.getMessage` answering from the English messages, as the browser does.
 * Import it FIRST, before anything from utils/: `wxt/browser` picks its `browser` object when it is
 * first loaded. Same rules as test/unit-setup.ts: placeholders replaced by the substitutions ($1…$9).
 */
import { readFileSync } from 'node:fs';

type Message = { message: string; placeholders?: Record<string, { content: string }> };
const table = JSON.parse(readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, Message>;

function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = table[key];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const positional = (content: string) => content.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? positional(placeholder.content) : whole;
  });
}

const scope = globalThis as { chrome?: { i18n?: { getMessage?: typeof getMessage } } };
scope.chrome ??= {};
scope.chrome.i18n ??= {};
scope.chrome.i18n.getMessage ??= getMessage;
