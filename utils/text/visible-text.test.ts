// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { codePointLabel, FSI, hasBidiControls, hasHiddenCharacters, hiddenCodePoints, isolatedText, PDI, visibleParts, visibleSentence, visibleText } from './visible-text';

describe('visible text', () => {
  it('leaves ordinary names alone, in any script', () => {
    for (const name of ['Rita Fox', 'Zoë Müller', '王芳', 'Ångström-Ødegaard', "O'Brien, Jr.", 'a.b+tag@example.com', 'Kiss ❤️']) {
      expect(hasHiddenCharacters(name)).toBe(false);
      expect(visibleText(name)).toBe(name);
      expect(visibleParts(name)).toEqual([{ kind: 'text', text: name }]);
    }
  });

  it('finds the ASCII controls (tab, newline, DEL) that its printable-ASCII shortcut must not pass', () => {
    for (const text of ['Rita\tFox', 'Rita\nFox', 'Rita\u007FFox', '\u0000', 'x\u001F']) expect(hasHiddenCharacters(text)).toBe(true);
    expect(hasHiddenCharacters(' ~plain ASCII: !"#$%&()*+,-./09:;<=>?@AZ[\\]^_`az{|}')).toBe(false);
    expect(hasHiddenCharacters('')).toBe(false);
  });

  it('marks a right-to-left override, so "Rita fdp.exe" cannot read "Rita exe.pdf"', () => {
    const name = 'Rita \u202Efdp.exe';
    expect(hasHiddenCharacters(name)).toBe(true);
    expect(hasBidiControls(name)).toBe(true);
    expect(visibleText(name)).toBe('Rita ⟨U+202E⟩fdp.exe');
    expect(visibleParts(name)).toEqual([
      { kind: 'text', text: 'Rita ' },
      { kind: 'hidden', codePoint: 0x202e, marker: '⟨U+202E⟩' },
      { kind: 'text', text: 'fdp.exe' },
    ]);
  });

  it.each([
    ['bidi embeddings and overrides', [0x202a, 0x202b, 0x202c, 0x202d, 0x202e]],
    ['bidi isolates', [0x2066, 0x2067, 0x2068, 0x2069]],
    ['bidi marks', [0x200e, 0x200f, 0x061c]],
    ['zero-width characters', [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]],
    ['the soft hyphen and a Hangul filler', [0x00ad, 0x3164]],
    ['control characters', [0x00, 0x07, 0x09, 0x0a, 0x1b, 0x7f, 0x85]],
    ['line and paragraph separators', [0x2028, 0x2029]],
    ['tag characters (outside the BMP)', [0xe0041]],
  ])('marks %s', (_label, codePoints) => {
    for (const codePoint of codePoints) {
      const text = `a${String.fromCodePoint(codePoint)}b`;
      expect(hasHiddenCharacters(text)).toBe(true);
      expect(visibleText(text)).toBe(`a⟨${codePointLabel(codePoint)}⟩b`);
    }
  });

  it('does not mark variation selectors: they change no reading and make no two names alike', () => {
    expect(hasHiddenCharacters('\u2764\uFE0F')).toBe(false);
    expect(hiddenCodePoints('x\uFE0Fy\u200Bz')).toEqual([0x200b]);
  });

  it('names each hidden character once, in order of first appearance', () => {
    expect(hiddenCodePoints('\u200Bx\u202Ey\u200Bz\u00AD')).toEqual([0x200b, 0x202e, 0xad]);
    expect(hiddenCodePoints('plain')).toEqual([]);
  });

  it('marks hidden characters at either end and next to each other', () => {
    expect(visibleText('\u200B\u200Bx\uFEFF')).toBe('⟨U+200B⟩⟨U+200B⟩x⟨U+FEFF⟩');
    expect(visibleParts('\u202E')).toEqual([{ kind: 'hidden', codePoint: 0x202e, marker: '⟨U+202E⟩' }]);
    expect(visibleParts('')).toEqual([{ kind: 'text', text: '' }]);
  });

  it('leaves no hidden character in what it shows', () => {
    const nasty = 'A\u202Eb\u2066c\u200Dd\u0000e\u00ADf\u{E0041}';
    expect(hasHiddenCharacters(visibleText(nasty))).toBe(false);
    expect(hasHiddenCharacters(isolatedText(nasty))).toBe(false);
  });

  it('isolates a right-to-left value inside a sentence, and leaves left-to-right values as they read', () => {
    expect(isolatedText('Rita \u202Efdp.exe')).toBe('Rita ⟨U+202E⟩fdp.exe');
    expect(isolatedText('שרה כהן')).toBe(`${FSI}שרה כהן${PDI}`);
    expect(isolatedText('محمد 2')).toBe(`${FSI}محمد 2${PDI}`);
  });

  it('labels code points with at least four hex digits', () => {
    expect(codePointLabel(0x7)).toBe('U+0007');
    expect(codePointLabel(0x202e)).toBe('U+202E');
    expect(codePointLabel(0xe0041)).toBe('U+E0041');
  });

  it('marks what is left in a sentence of ours but keeps the isolates it put around names', () => {
    const sentence = `${isolatedText('שרה')} and ${isolatedText('Rita \u202Efdp.exe')} are removed; old: Bo\u200B`;
    expect(visibleSentence(sentence)).toBe(`${FSI}שרה${PDI} and Rita ⟨U+202E⟩fdp.exe are removed; old: Bo⟨U+200B⟩`);
    expect(visibleSentence('plain')).toBe('plain');
  });
});
