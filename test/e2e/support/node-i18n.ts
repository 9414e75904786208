/**
 * For specs that run our own code in Node (e.g. the access engine, to compare with what the page
 * shows): `browser.i18n.getMessage` answering from the English messages, as the browser does.
 * Import it FIRST, before anything from utils/: `wxt/browser` picks its `browser` object when it is
 * first loaded. Same rules as test/unit-setup.ts: placeholders replaced by the substitutions ($1…$9).
 */
import { readFileSync } from 'node:fs';
import { createGetMessage, type MessageTable } from '../../support/get-message';

const table = JSON.parse(readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as MessageTable;
const getMessage = createGetMessage(table);

const scope = globalThis as { chrome?: { i18n?: { getMessage?: typeof getMessage } } };
scope.chrome ??= {};
scope.chrome.i18n ??= {};
scope.chrome.i18n.getMessage ??= getMessage;
