/**
 * Names that lie: page data (names, emails) may hold characters that change how the text around
 * them reads without showing themselves. U+202E (right-to-left override) makes "Rita fdp.exe"
 * read "Rita exe.pdf"; a zero-width space makes two different names look the same. Everywhere a
 * name or email is shown, each such character is replaced by a visible marker such as ⟨U+202E⟩,
 * and the value is isolated from the sentence around it. Pure: strings in, strings or parts out.
 *
 * Which characters count as hidden:
 * - control characters (Cc), format characters (Cf: every bidi control U+202A–U+202E,
 *   U+2066–U+2069, U+200E/F, U+061C; zero-width U+200B–U+200D, U+2060, U+FEFF; tags ...),
 * - every other default-ignorable code point (soft hyphen U+00AD, Hangul fillers, U+034F ...),
 * - line and paragraph separators (U+2028, U+2029), which break a name over lines.
 * Not the variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF): they only choose a glyph's style
 * (the emoji form of ❤), change no reading order and make no two names alike.
 * ZWJ and ZWNJ are marked although Persian, Indic scripts and emoji sequences use them: in a name
 * that decides who is removed, a visible marker costs less than a name that hides something.
 */

const HIDDEN = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/u;
const HIDDEN_ALL = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/gu;
const VARIATION_SELECTOR = /^[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, ... and their presentation forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** First strong isolate and pop directional isolate: isolate a value inside a plain-text sentence. */
export const FSI = '\u2068';
export const PDI = '\u2069';

export type TextPart = { kind: 'text'; text: string } | { kind: 'hidden'; codePoint: number; marker: string };

function isHidden(character: string): boolean {
  return !VARIATION_SELECTOR.test(character);
}

/** "U+202E", "U+E0041": how a code point is named in markers and findings. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The marker shown in place of a hidden character: "⟨U+202E⟩". */
export function markerOf(codePoint: number): string {
  return `⟨${codePointLabel(codePoint)}⟩`;
}

/** Whether the text holds any hidden character. Cheap for the common case (printable ASCII: no regex at all). */
export function hasHiddenCharacters(text: string): boolean {
  if (isPrintableAscii(text)) return false;
  if (!HIDDEN.test(text)) return false;
  return hiddenCodePoints(text).length > 0;
}

/**
 * Space to tilde only: none of them is a control, a format or a default-ignorable character, and
 * most names and emails are nothing else. A loop over the code units costs less than a Unicode
 * property regex (the access engine asks this for every member's name and email).
 */
function isPrintableAscii(text: string): boolean {
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

/** Whether the text holds a bidirectional control (it can reorder what is read). */
export function hasBidiControls(text: string): boolean {
  return BIDI.test(text);
}

/** The hidden characters in the text, each once, in order of first appearance. */
export function hiddenCodePoints(text: string): number[] {
  const found: number[] = [];
  for (const [character] of text.matchAll(HIDDEN_ALL)) {
    if (!isHidden(character)) continue;
    const codePoint = character.codePointAt(0)!;
    if (!found.includes(codePoint)) found.push(codePoint);
  }
  return found;
}

/** The text cut into plain runs and hidden characters, for a component to style the markers. */
export function visibleParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(HIDDEN_ALL)) {
    const [character] = match;
    if (!isHidden(character)) continue;
    if (match.index > from) parts.push({ kind: 'text', text: text.slice(from, match.index) });
    const codePoint = character.codePointAt(0)!;
    parts.push({ kind: 'hidden', codePoint, marker: markerOf(codePoint) });
    from = match.index + character.length;
  }
  if (from < text.length || parts.length === 0) parts.push({ kind: 'text', text: text.slice(from) });
  return parts;
}

/** The text with every hidden character replaced by its marker: "Rita ⟨U+202E⟩fdp.exe". */
export function visibleText(text: string): string {
  if (!HIDDEN.test(text)) return text;
  return visibleParts(text)
    .map((part) => (part.kind === 'text' ? part.text : part.marker))
    .join('');
}

/**
 * For a value inside a plain-text sentence (an aria-label, a message): its markers, and when it
 * holds right-to-left letters, held between FSI and PDI so that it cannot reorder the words around
 * it either. Left-to-right text cannot reorder our (left-to-right) sentences once its controls are
 * markers, so it is left as is: the accessible names people and tests know stay the same.
 */
export function isolatedText(text: string): string {
  const visible = visibleText(text);
  return RIGHT_TO_LEFT.test(visible) ? `${FSI}${visible}${PDI}` : visible;
}

/**
 * For a sentence of ours that carries page values already passed through `isolatedText` (a stored
 * audit warning, a message): marks any hidden character left (a record written before names were
 * marked) but keeps the FSI/PDI isolates `isolatedText` put there, which are ours.
 */
export function visibleSentence(text: string): string {
  if (!HIDDEN.test(text)) return text;
  return visibleParts(text)
    .map((part) => (part.kind === 'text' ? part.text : part.codePoint === 0x2068 || part.codePoint === 0x2069 ? String.fromCodePoint(part.codePoint) : part.marker))
    .join('');
}
