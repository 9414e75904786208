/**
 * Bulk invite, step 0: a dropped or chosen file's bytes to text, as people really have them.
 * Excel's "CSV UTF-8" (with a BOM), a plain UTF-8 file, Excel's "Unicode text" (UTF-16 LE with a
 * BOM), UTF-16 BE, and the "CSV (Comma delimited)" of a Western Windows Excel (Windows-1252) are
 * read; anything that is not text (a workbook, a zip, a PDF, a web page saved as ".xls", random
 * bytes) is recognised and named, never shown as garbage column names. Pure: bytes in, a result out.
 */

/** What a file turned out to be when it is not text to import. */
export type NotTextKind = 'xlsx' | 'ods' | 'numbers' | 'office-legacy' | 'zip' | 'pdf' | 'rtf' | 'markup' | 'binary';

/** The encodings a file can be read in. */
export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodedFile =
  /** Text, without any byte-order mark; `empty` when it holds nothing but whitespace. */
  | { ok: true; text: string; encoding: FileEncoding; empty: boolean }
  | { ok: false; kind: NotTextKind };

/** Only this much of a file is looked at to decide what it is. */
const SNIFF_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, index) => bytes[index] === byte);

/** Bytes as Latin-1 text (one char per byte): for looking for ASCII markers inside binary files. */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

/** The zip container formats people drop instead of a CSV, told apart by the entries they hold. */
function zipKind(bytes: Uint8Array, fileName: string): NotTextKind {
  // Entry names are in the local headers (front) and the central directory (back).
  const markers = latin1(bytes.subarray(0, SNIFF_BYTES)) + latin1(bytes.subarray(Math.max(0, bytes.length - SNIFF_BYTES)));
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (['xlsx', 'xlsm', 'xltx', 'xltm'].includes(extension) || markers.includes('xl/workbook')) return 'xlsx';
  if (extension === 'ods' || markers.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (extension === 'numbers' || markers.includes('Index/Document.iwa')) return 'numbers';
  return 'zip';
}

/** A file recognised by its first bytes, or null. */
function signatureKind(bytes: Uint8Array, fileName: string): NotTextKind | null {
  // PK\x03\x04 (a zip's first entry), PK\x05\x06 (an empty zip), PK\x07\x08 (a spanned one).
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && [0x0304, 0x0506, 0x0708].includes((bytes[2]! << 8) | bytes[3]!)) return zipKind(bytes, fileName);
  // OLE2 compound file: Excel 97-2003 .xls (and old .doc/.ppt).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'office-legacy';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'; // {\rtf (TextEdit's default)
  return null;
}

/** UTF-16 without a byte-order mark: mostly-ASCII text has a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(bytes.length, SNIFF_BYTES) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  // Big-endian is swapped to little-endian first: every TextDecoder has 'utf-16le', not all 'utf-16be'.
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  const le = encoding === 'utf-16le' ? even : even.map((_, index) => even[index % 2 === 0 ? index + 1 : index - 1]!);
  return new TextDecoder('utf-16le').decode(le); // a leading BOM is dropped by the decoder
}

/** UTF-8 (BOM dropped), or null when the bytes are not valid UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Windows-1252's characters for 0x80–0x9F (WHATWG's table; the five unassigned bytes keep their C1
 * code). Decoded here, not by TextDecoder: some runtimes (Node) give ISO-8859-1 for this label.
 */
const CP1252_80_9F = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80]! : String.fromCharCode(byte))).join('');
}

/**
 * Text that is really binary: a NUL, or more than 1% (and more than two) control characters other
 * than tab, line ends and form feeds. A lone Ctrl-Z at the end (old DOS files) is text.
 */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_BYTES).replace(/\u001a$/, '');
  if (sample.includes('\u0000')) return true;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > 2 && controls > sample.length * 0.01;
}

/** A web page or XML, as many systems save their "Excel export" (`report.xls` that is HTML). */
function looksLikeMarkup(text: string): boolean {
  return /^\s*<(?:\?xml|!doctype|html|table|workbook)\b/i.test(text);
}

/** The file's bytes as text to import, or what kind of file it is instead. `fileName` only helps to name workbooks. */
export function decodeInviteFile(bytes: Uint8Array, fileName = ''): DecodedFile {
  const kind = signatureKind(bytes, fileName);
  if (kind) return { ok: false, kind };

  let text: string | null;
  let encoding: FileEncoding;
  if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    text = decodeUtf16(bytes, encoding);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    text = decodeUtf16(bytes, encoding);
  } else {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) {
      encoding = utf16;
      text = decodeUtf16(bytes, utf16);
    } else {
      // Binary files are told from their start, before the whole of a large one is decoded.
      if (looksBinary(decodeWindows1252(bytes.subarray(0, SNIFF_BYTES)))) return { ok: false, kind: 'binary' };
      encoding = 'utf-8';
      text = decodeUtf8(bytes);
      if (text === null) {
        // Not UTF-8: the usual reason is Excel's plain "CSV (Comma delimited)" on a Western
        // Windows, which is Windows-1252. Read so, and the caller says so.
        encoding = 'windows-1252';
        text = decodeWindows1252(startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes);
      }
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (looksBinary(text)) return { ok: false, kind: 'binary' };
  if (looksLikeMarkup(text)) return { ok: false, kind: 'markup' };
  return { ok: true, text, encoding, empty: text.trim() === '' };
}
