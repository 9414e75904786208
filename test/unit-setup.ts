// IndexedDB for unit tests (the background's database); each test file gets a fresh one.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../public/_locales/en/messages.json';

// browser.i18n.getMessage as the browser answers it, from the English messages (WXT's fake browser
// does not implement it): placeholders replaced by the substitutions ($1…$9), "" for an unknown key.
type Message = { message: string; placeholders?: Record<string, { content: string }> };
const table = messages as Record<string, Message>;
fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
  const entry = table[key];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const positional = (content: string) => content.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? positional(placeholder.content) : whole;
  });
}) as typeof fakeBrowser.i18n.getMessage;
