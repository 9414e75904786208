/**
 * How this page is rendered (the markup-variant switch, shared/markup.ts), read once on load from
 * the `<meta>` the double adds to index.html. Without it every flag is the default: the page as
 * documented in README.md.
 */
import { readMarkupFlags, type MarkupFlags } from '../shared/markup';

export const markup: MarkupFlags = readMarkupFlags(document);

type Casing = MarkupFlags['labelCase'];

/**
 * A label of the console's own UI (heading, tab, button, menu item, dialog title, field label,
 * column header, step title, toast, list or table name) in the casing of the `labelCase` flag.
 * Data (people, groups, projects, roles, counts) is never re-cased: pass it as a template value,
 * `` ui`Select ${member.name}` ``, and only the literal parts change. `sentence` lower-cases every
 * literal letter but the first of the label and the first after a sentence's end ("Removed Grace
 * Liu. Content transferred to ..."); `upper` upper-cases them all.
 */
export function ui(label: string): string;
export function ui(literals: TemplateStringsArray, ...data: unknown[]): string;
export function ui(label: string | TemplateStringsArray, ...data: unknown[]): string {
  return caseLabel(markup.labelCase, typeof label === 'string' ? [label] : [...label], data);
}

/** The casing itself, apart from the page's flags (unit-tested). */
export function caseLabel(casing: Casing, literals: readonly string[], data: readonly unknown[] = []): string {
  let out = '';
  literals.forEach((literal, index) => {
    out += casing === 'upper' ? literal.toUpperCase() : casing === 'sentence' ? sentencePart(literal, index === 0) : literal;
    if (index < data.length) out += String(data[index]);
  });
  return out;
}

const upperFirst = (letter: string): string => letter.toUpperCase();

function sentencePart(literal: string, first: boolean): string {
  let part = literal.toLowerCase().replace(/([.?!]\s+)(\p{L})/gu, (_, end: string, letter: string) => end + upperFirst(letter));
  // The label's first letter, after leading symbols ("+ Add project"), but not after a number ("3 users").
  if (first) part = part.replace(/^([^\p{L}\p{N}]*)(\p{L})/u, (_, lead: string, letter: string) => lead + upperFirst(letter));
  return part;
}
