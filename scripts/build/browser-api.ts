/**
 * Which `browser` each part of the extension gets. Extension pages and the background import
 * `wxt/browser` as webextension-polyfill (one promise-based API in Chrome and Firefox, with the
 * polyfill's message-listener semantics the background relies on). The content scripts get WXT's
 * own `wxt/browser`, the browser's native API: in MV3 Chrome's `chrome.*` and Firefox's `browser.*`
 * both return promises for everything a content script calls (sendMessage, storage, i18n, getURL),
 * and the polyfill would cost ~3 KB gzip of the content script's 50 KB budget. The one difference
 * that matters, a message listener answering with a returned promise, is avoided there: content
 * scripts answer through `sendResponse` (entrypoints/members.content/diagnostics.ts).
 *
 * WXT builds each content script on its own (its input is `<name>.content/index.*`), so the build's
 * input tells which `browser` to use. The Members page's file (entrypoints/members-page.ts) runs in
 * the content script's world and gets the native API too.
 */
import type { Plugin } from 'vite';

const POLYFILL = '@wxt-dev/webextension-polyfill/browser';
/** Unlisted scripts that run in the content script's world (imported by it): the native API, as there. */
const CONTENT_WORLD_FILES = /[\\/]members-page\.ts$/;

function inputs(input: unknown): string[] {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input)) return input.map(String);
  if (input && typeof input === 'object') return Object.values(input).map(String);
  return [];
}

export function browserApiPerEntrypoint(): Plugin {
  let nativeApi = false;
  return {
    name: 'admin-lens:browser-api',
    enforce: 'pre',
    options(options) {
      nativeApi = inputs(options.input).some((file) => /[\\/][^\\/]+\.content([\\/]|\.)/.test(file) || CONTENT_WORLD_FILES.test(file));
      return null;
    },
    async resolveId(source, importer, resolveOptions) {
      if (source !== 'wxt/browser' || nativeApi) return null;
      return this.resolve(POLYFILL, importer, { ...resolveOptions, skipSelf: true });
    },
  };
}
