/**
 * The one CSV writer for every download (access review, audit log, invite results, errors,
 * template). Cells a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
 * leading `'` (OWASP's advice for CSV injection); fields are quoted when needed; lines end in
 * CRLF (RFC 4180).
 */

const DANGEROUS_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet would run as a formula gets a leading `'`. */
export function formulaSafe(value: string): string {
  return DANGEROUS_START.test(value) ? `'${value}` : value;
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
