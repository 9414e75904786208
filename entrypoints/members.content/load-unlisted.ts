/**
 * Loads one of the extension's own on-demand files (an unlisted script, packaged and
 * web-accessible to the Amplitude hosts only) into the content script's world, once: importing it
 * runs it, and it leaves what it offers on the isolated world's global under `globalName`. A
 * failed load is forgotten, so the next attempt tries again.
 */
import { browser } from 'wxt/browser';

export function unlistedFileLoader<T>(file: string, globalName: string, failure: () => string): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= (async () => {
      // The path is one of ours, listed in wxt.config.ts's web_accessible_resources.
      await import(/* @vite-ignore */ browser.runtime.getURL(file as '/access-card.js'));
      const offered = (globalThis as Record<string, unknown>)[globalName] as T | undefined;
      if (!offered) throw new Error(failure());
      return offered;
    })().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
