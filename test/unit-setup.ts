// IndexedDB for unit tests (the background's database); each test file gets a fresh one.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../public/_locales/en/messages.json';
import { createGetMessage, type MessageTable } from './support/get-message';

// WXT's fake browser does not implement i18n: answer from the English messages, as the browser does.
fakeBrowser.i18n.getMessage = createGetMessage(messages as MessageTable) as typeof fakeBrowser.i18n.getMessage;
