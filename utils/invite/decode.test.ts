// @vitest-environment node
import { decodeInviteFile } from './decode';
import { parseInviteCsv } from './parse';

// Every file here is made in the test, byte by byte, as the program that saves it would.
const CSV = 'email,team,groups\r\nzoë.müller@example.com,Données,Équipe Ventes\r\nann@example.com,Data,\r\n';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const withBom = (bom: number[], body: Uint8Array) => new Uint8Array([...bom, ...body]);
/** UTF-16 LE code units, as Excel's "Unicode text" writes them. */
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
/** UTF-16 BE: the LE bytes swapped pairwise. */
const utf16be = (text: string) => utf16le(text).map((_, index, bytes) => bytes[index % 2 === 0 ? index + 1 : index - 1]!);

/** Windows-1252, as Excel's plain "CSV (Comma delimited)" writes on a Western Windows. */
const CP1252_HIGH: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'œ': 0x9c };
function windows1252(text: string): Uint8Array {
  return new Uint8Array(
    [...text].map((char) => {
      const code = char.charCodeAt(0);
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      const byte = CP1252_HIGH[char];
      if (byte === undefined) throw new Error(`not in Windows-1252: ${char}`);
      return byte;
    }),
  );
}

/** A zip made of local file headers (empty, stored entries): enough to be recognised by its first bytes and names. */
function zipOf(names: string[]): Uint8Array {
  const parts: number[] = [];
  for (const name of names) {
    const nameBytes = [...Buffer.from(name, 'ascii')];
    // signature, version 20, flags, method 0 (stored), time, date, crc, sizes (all 0), name length, extra length
    parts.push(0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, nameBytes.length & 0xff, nameBytes.length >> 8, 0, 0, ...nameBytes);
  }
  return new Uint8Array(parts);
}

/** Reproducible "random" bytes (a linear congruential generator), as an unknown binary file. */
function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

describe('decodeInviteFile: text encodings', () => {
  it('reads UTF-8 without and with a BOM, the BOM dropped', () => {
    expect(decodeInviteFile(utf8(CSV))).toEqual({ ok: true, text: CSV, encoding: 'utf-8', empty: false });
    expect(decodeInviteFile(withBom([0xef, 0xbb, 0xbf], utf8(CSV)))).toEqual({ ok: true, text: CSV, encoding: 'utf-8', empty: false });
  });

  it('reads UTF-16 LE with a BOM (Excel\'s "Unicode text", tab-separated) into rows', () => {
    const tsv = CSV.replace(/,/g, '\t');
    const decoded = decodeInviteFile(withBom([0xff, 0xfe], utf16le(tsv)), 'people.txt');
    expect(decoded).toEqual({ ok: true, text: tsv, encoding: 'utf-16le', empty: false });
    const parsed = parseInviteCsv(decoded.ok ? decoded.text : '');
    expect(parsed.ok).toBe(true);
    expect(parsed.headers).toEqual(['email', 'team', 'groups']);
    expect(parsed.rows[0]!.values).toEqual({ email: 'zoë.müller@example.com', team: 'Données', groups: 'Équipe Ventes' });
  });

  it('reads UTF-16 BE with a BOM', () => {
    expect(decodeInviteFile(withBom([0xfe, 0xff], utf16be(CSV)))).toEqual({ ok: true, text: CSV, encoding: 'utf-16be', empty: false });
  });

  it('reads UTF-16 without a BOM, from the zeros of its ASCII characters', () => {
    expect(decodeInviteFile(utf16le(CSV))).toMatchObject({ ok: true, text: CSV, encoding: 'utf-16le' });
    expect(decodeInviteFile(utf16be(CSV))).toMatchObject({ ok: true, text: CSV, encoding: 'utf-16be' });
  });

  it('reads a file that is not valid UTF-8 as Windows-1252, and says so through its encoding', () => {
    const text = 'email,team,groups\r\nfrançois@example.com,Données,“Équipe” – Ventes €\r\n';
    const bytes = windows1252(text);
    // The bytes really are not UTF-8 (é alone is 0xE9).
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeInviteFile(bytes)).toEqual({ ok: true, text, encoding: 'windows-1252', empty: false });
  });

  it('keeps a text file that ends in a DOS end-of-file mark (Ctrl-Z)', () => {
    expect(decodeInviteFile(utf8(`${CSV}\u001a`))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });
});

describe('decodeInviteFile: empty files', () => {
  it.each([
    ['no bytes at all', new Uint8Array()],
    ['only a UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['only a UTF-16 BOM', new Uint8Array([0xff, 0xfe])],
    ['only blank lines and spaces', utf8('  \r\n\r\n\t\n')],
  ])('%s is empty', (_, bytes) => {
    expect(decodeInviteFile(bytes)).toMatchObject({ ok: true, empty: true });
  });
});

describe('decodeInviteFile: files that are not text', () => {
  it('names an Excel workbook by the entries of its zip', () => {
    const xlsx = zipOf(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect([...xlsx.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // PK\x03\x04
    expect(decodeInviteFile(xlsx, 'people.bin')).toEqual({ ok: false, kind: 'xlsx' });
  });

  it('names a workbook by its name when its entries are not seen', () => {
    expect(decodeInviteFile(zipOf(['[Content_Types].xml']), 'People.XLSX')).toEqual({ ok: false, kind: 'xlsx' });
  });

  it('names an OpenDocument spreadsheet, a Numbers document and any other zip', () => {
    expect(decodeInviteFile(zipOf(['mimetypeapplication/vnd.oasis.opendocument.spreadsheet']), 'x')).toEqual({ ok: false, kind: 'ods' });
    expect(decodeInviteFile(zipOf(['Index/Document.iwa']), 'x')).toEqual({ ok: false, kind: 'numbers' });
    expect(decodeInviteFile(zipOf(['people.csv']), 'people.zip')).toEqual({ ok: false, kind: 'zip' });
  });

  it('names an Excel 97-2003 workbook, a PDF and an RTF document by their first bytes', () => {
    expect(decodeInviteFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(504, 7)]), 'people.xls')).toEqual({ ok: false, kind: 'office-legacy' });
    expect(decodeInviteFile(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toEqual({ ok: false, kind: 'pdf' });
    expect(decodeInviteFile(utf8('{\\rtf1\\ansi\\ansicpg1252 email,team\\par}'))).toEqual({ ok: false, kind: 'rtf' });
  });

  it('names a web page or XML saved as ".xls"', () => {
    expect(decodeInviteFile(utf8('<html><body><table><tr><td>email</td></tr></table></body></html>'), 'export.xls')).toEqual({ ok: false, kind: 'markup' });
    expect(decodeInviteFile(utf8('\uFEFF<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'), 'export.xls')).toEqual({ ok: false, kind: 'markup' });
  });

  it.each([1, 2, 3, 4, 5])('calls random bytes (seed %i) binary, never text', (seed) => {
    expect(decodeInviteFile(randomBytes(4096, seed), 'people.csv')).toEqual({ ok: false, kind: 'binary' });
  });

  it('calls a text with a NUL byte binary', () => {
    expect(decodeInviteFile(utf8('email\nann@example.com\u0000\u0000\u0001\n'))).toEqual({ ok: false, kind: 'binary' });
  });
});
