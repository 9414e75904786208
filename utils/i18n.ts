/**
 * Our UI's strings, through the extension's i18n messages (public/_locales/<lang>/messages.json).
 * `browser.i18n.getMessage` is synchronous and works in pages and content scripts alike; the browser
 * picks the user's language and falls back to `en` (default_locale) per key.
 *
 * Keys and placeholder names are typed from the English file with `import type`, so the JSON is never
 * bundled (the content script stays small).
 *
 * Substitutions are named: `t('auditShowing', { shown: 3, total: 9 })`. In messages.json a message's
 * placeholders take `$1`, `$2`, … in the ALPHABETICAL order of their names (here `shown` = `$1`,
 * `total` = `$2`); t() passes the values in that order. utils/i18n.test.ts checks every message.
 *
 * Plurals: the browser's i18n has no plural rules, so a counted message has two keys, `<base>One` and
 * `<base>Many`, both with a `count` placeholder; `tCount('<base>', n, …)` picks `One` for n === 1.
 * (A language with more forms writes its most general form in `Many`.)
 *
 * A key the browser does not know comes back as `⟦key⟧`, visible in the UI and in tests.
 * Not translated on purpose: text from the page (names, emails, groups, projects), Amplitude's own
 * landmark texts (utils/amplitude/), and CSV/JSON column names (a file format).
 */
import { browser } from 'wxt/browser';
import type Messages from '@/public/_locales/en/messages.json';

type AllMessages = typeof Messages;
export type MessageKey = keyof AllMessages;
/** A message's placeholder names, or never when it has none. */
export type PlaceholderName<K extends MessageKey> = AllMessages[K] extends { placeholders: infer P } ? keyof P & string : never;
export type Substitutions<K extends MessageKey> = Record<PlaceholderName<K>, string | number>;
type Args<K extends MessageKey> = [PlaceholderName<K>] extends [never] ? [] : [substitutions: Substitutions<K>];

/** Bases `b` with both `bOne` and `bMany` keys. */
export type CountedBase = {
  [K in MessageKey]: K extends `${infer B}One` ? (`${B}Many` extends MessageKey ? B : never) : never;
}[MessageKey];
type CountedArgs<B extends CountedBase> = [Exclude<PlaceholderName<`${B}Many` & MessageKey>, 'count'>] extends [never]
  ? []
  : [substitutions: Omit<Substitutions<`${B}Many` & MessageKey>, 'count'>];

/** The message for `key` in the user's language, with named substitutions. */
export function t<K extends MessageKey>(key: K, ...args: Args<K>): string {
  const named = (args[0] ?? {}) as Record<string, string | number>;
  const values = Object.keys(named)
    .sort()
    .map((name) => String(named[name]));
  // Cast: the key is already checked against messages.json, and WXT's generated key types lag
  // behind it until the next `wxt prepare` (and are not loaded at all by test/tsconfig.json, whose
  // e2e specs run utils/ in Node: see test/e2e/support/node-i18n.ts).
  const getMessage = (browser.i18n as unknown as { getMessage: (name: string, substitutions: string[]) => string }).getMessage;
  return getMessage(key, values) || `⟦${key}⟧`;
}

/** `<base>One` when count is 1, else `<base>Many`; `count` is passed as the `count` placeholder. */
export function tCount<B extends CountedBase>(base: B, count: number, ...args: CountedArgs<B>): string {
  const key = `${base}${count === 1 ? 'One' : 'Many'}` as MessageKey;
  return (t as (key: MessageKey, substitutions: Record<string, string | number>) => string)(key, { ...(args[0] ?? {}), count });
}

/** For extension pages: the document's title and lang in the user's language. */
export function localizeDocument(title: string): void {
  document.title = title;
  document.documentElement.lang = t('localeCode');
}
