/**
 * How this page is rendered (the markup-variant switch, shared/markup.ts), read once on load from
 * the `<meta>` the double adds to index.html. Without it every flag is the default: the page as
 * documented in README.md.
 */
import { readMarkupFlags } from '../shared/markup';

export const markup = readMarkupFlags(document);
