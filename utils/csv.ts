/**
 * The one CSV writer for every download (access review, audit log, invite results, errors,
 * template). Cells a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
 * leading `'` (OWASP's advice for CSV injection); fields are quoted when needed; lines end in
 * CRLF (RFC 4180).
 *
 * A download must also survive the way back: the invite errors/results file is meant to be fixed
 * and imported again, and `-ann@x.com`, `+ops@x.com` or `=sales@x.com` are valid addresses that
 * come back as `'-ann@x.com`. Valid emails are protected too (`=cmd|'/Cx'!A0@x.com` is a valid
 * address), so the reader undoes the protection instead: {@link formulaUnprotect} is the exact
 * inverse of {@link formulaSafe}. To keep it exact, a cell that already looks protected (quotes,
 * then a dangerous character) gets one more `'`.
 */

const DANGEROUS_START = /^'*[=+\-@\t\r]/;
const PROTECTED_START = /^'+[=+\-@\t\r]/;

/** A cell a spreadsheet would run as a formula (or that reads as one protected) gets a leading `'`. */
export function formulaSafe(value: string): string {
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}

/** The inverse of {@link formulaSafe}, for cells read back from our downloads: `'-ann@x.com` gives `-ann@x.com`. */
export function formulaUnprotect(value: string): string {
  return PROTECTED_START.test(value) ? value.slice(1) : value;
}

export const neutraliseCell = formulaSafe;

/** One field: formula-safe, then quoted when it holds a quote, comma, semicolon or line break. */
export function csvField(value: string): string {
  const safe = formulaSafe(value);
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text, CRLF line ends, with a trailing line end. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
