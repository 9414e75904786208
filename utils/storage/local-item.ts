/**
 * A small typed item in `browser.storage.local`, with the same key and get/set/watch shape as
 * WXT's `storage.defineItem('local:<key>')`. The content script uses this one: WXT's storage
 * module costs ~2 KB gzip there, and the content script's size is budgeted (50 KB gzip).
 */
import { browser } from 'wxt/browser';

export interface LocalItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(listener: (value: T) => void): () => void;
}

export function defineLocalItem<T>(key: string, fallback: T): LocalItem<T> {
  return {
    async getValue() {
      const stored = await browser.storage.local.get(key);
      return key in stored ? (stored[key] as T) : fallback;
    },
    async setValue(value) {
      await browser.storage.local.set({ [key]: value });
    },
    watch(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        const change = changes[key];
        if (area === 'local' && change) listener(change.newValue === undefined ? fallback : (change.newValue as T));
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
  };
}
