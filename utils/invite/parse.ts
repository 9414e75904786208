/**
 * Bulk invite, step 1: text (a pasted CSV, a tab-separated paste from Excel or Google Sheets, or a
 * file's text) to rows of named cells. Pure: no DOM, no browser APIs, nothing about Amplitude.
 *
 * Numbering as the user sees it: `row` 1 is the first data row (the header is not counted);
 * `line` is the 1-based line of the text where the row starts (the header is usually line 1), which
 * is what a text editor shows. Quoted fields with line breaks make the two drift apart.
 */
import Papa from 'papaparse';
import { formulaUnprotect } from '../csv';
import { t, tCount } from '../i18n';

/** The columns an invite file can have, by their canonical names. */
export const INVITE_COLUMNS = ['email', 'team', 'groups', 'projects', 'role', 'default_project', 'team_spaces'] as const;
export type InviteColumn = (typeof INVITE_COLUMNS)[number];

/** Header aliases, compared after {@link headerKey} (lowercase, letters and digits only). */
const ALIASES: Readonly<Record<InviteColumn, readonly string[]>> = {
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'emails'],
  team: ['team', 'team name'],
  groups: ['group', 'groups', 'permission group', 'permission groups'],
  projects: ['projects', 'project', 'project access', 'project roles'],
  role: ['role', 'org role', 'organization role', 'organisation role'],
  default_project: ['default project', 'default_project', 'defaultproject'],
  team_spaces: ['team spaces', 'team space', 'spaces', 'space', 'team_spaces'],
};

const BY_KEY: ReadonlyMap<string, InviteColumn> = new Map(
  INVITE_COLUMNS.flatMap((column) => ALIASES[column].map((alias) => [headerKey(alias), column] as const)),
);

/** The aliases accepted for each column (for documentation and help texts). */
export function columnAliases(column: InviteColumn): readonly string[] {
  return ALIASES[column];
}

/** A header name reduced to lowercase letters and digits: "E-Mail Address " -> "emailaddress". */
export function headerKey(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The column a header name stands for, or null when it is not one we know. */
export function columnOfHeader(name: string): InviteColumn | null {
  return BY_KEY.get(headerKey(name)) ?? null;
}

export type Delimiter = ',' | ';' | '\t';

export interface ParseIssue {
  /** 1-based data row (row 1 = first row after the header); absent for file-level issues. */
  row?: number;
  /** 1-based line of the text where that row starts. */
  line?: number;
  /** Canonical column, when the issue is about one. */
  column?: InviteColumn;
  message: string;
}

export interface ParsedRow {
  /** 1-based data row: row 1 is the first row after the header. */
  row: number;
  /** 1-based line of the text where the row starts (the header is normally line 1). */
  line: number;
  /** The row's cells exactly as read (untrimmed), for the results download. */
  cells: string[];
  /** Trimmed values of the known columns; a column absent from the file is absent here. */
  values: Partial<Record<InviteColumn, string>>;
  /** Problems with the row's shape (bad quotes, more cells than the header): the row is invalid. */
  errors: ParseIssue[];
}

export interface ParsedCsv {
  /** False when the file as a whole cannot be used (see `errors`). */
  ok: boolean;
  delimiter: Delimiter;
  /** The header cells as written (BOM removed). */
  headers: string[];
  /** For each header cell, the column it maps to, or null for an unknown column. */
  columns: (InviteColumn | null)[];
  rows: ParsedRow[];
  /** File-level problems that stop the import (no email column, nothing to import...). */
  errors: ParseIssue[];
  /** File-level notices that do not stop it (unknown columns are ignored...). */
  warnings: ParseIssue[];
}

/** The delimiter's name, for messages: "comma", "semicolon", "tab". */
export function delimiterName(delimiter: Delimiter): string {
  return delimiter === ',' ? t('parseComma') : delimiter === ';' ? t('parseSemicolon') : t('parseTab');
}

/**
 * Picks the delimiter from the header line (the first non-blank line): the candidate that occurs
 * most often outside double quotes; ties go to tab, then semicolon, then comma. A header with none
 * (a single `email` column) reads as comma-separated.
 */
export function detectDelimiter(text: string): Delimiter {
  const header = firstNonBlankLine(text);
  const counts: Record<Delimiter, number> = { '\t': 0, ';': 0, ',': 0 };
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\t' || char === ';' || char === ',')) counts[char] += 1;
  }
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const candidate of ['\t', ';', ','] as const) {
    if (counts[candidate] > bestCount) {
      best = candidate;
      bestCount = counts[candidate];
    }
  }
  return best;
}

function firstNonBlankLine(text: string): string {
  for (const line of text.split(/\r\n|\n|\r/)) if (line.trim() !== '') return line;
  return '';
}

const isBlankRow = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/** Parses an invite CSV/TSV. Never throws; everything wrong is in `errors`, `warnings` or a row's `errors`. */
export function parseInviteCsv(input: string): ParsedCsv {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const empty: ParsedCsv = { ok: false, delimiter, headers: [], columns: [], rows: [], errors: [], warnings: [] };
  if (text.trim() === '') {
    return { ...empty, errors: [{ message: t('parseEmpty') }] };
  }

  // Each record with the lines it starts and ends on; blank lines are dropped here, not by
  // papaparse, so that the cursor of one record is the start of the next and line numbers stay exact.
  const records: TextRecord[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const cells = result.data;
      const errors = result.errors.map((error) => quoteErrorMessage(error.code, error.message));
      const end = result.meta.cursor;
      if (!isBlankRow(cells) || errors.length > 0) records.push({ cells, line, lastLine: line + countLineBreaks(text, start, lastVisible(text, start, end)), errors });
      line += countLineBreaks(text, start, end);
      start = end;
    },
  });

  const headerRecord = records.shift();
  if (!headerRecord) {
    return { ...empty, errors: [{ message: t('parseNoHeader') }] };
  }
  const headers = headerRecord.cells.map((cell) => cell.replace(/^\uFEFF/, '').trim());
  const columns = headers.map(columnOfHeader);
  const errors: ParseIssue[] = [];
  const warnings: ParseIssue[] = [];

  const seen = new Map<InviteColumn, string>();
  headers.forEach((header, index) => {
    const column = columns[index];
    if (!column) return;
    const earlier = seen.get(column);
    if (earlier !== undefined) {
      errors.push({ column, message: t('parseSameColumn', { first: earlier, second: header, column }) });
    } else seen.set(column, header);
  });

  if (!columns.includes('email')) {
    const looksLikeData = headers.some((header) => header.includes('@'));
    errors.push({
      column: 'email',
      message: looksLikeData
        ? t('parseLooksLikeData')
        : t('parseNoEmail', { found: headers.map((h) => `"${h}"`).join(', ') || t('parseNothingFound') }),
    });
  }

  const unknown = headers.filter((header, index) => columns[index] === null && header !== '');
  if (unknown.length > 0) {
    warnings.push({
      message: t(unknown.length > 1 ? 'parseIgnoredColumns' : 'parseIgnoredColumn', { columns: unknown.map((h) => `"${h}"`).join(', '), known: INVITE_COLUMNS.join(', ') }),
    });
  }
  if (headerRecord.errors.length > 0) {
    // A quote left open in the header swallows the rows too: then say which lines.
    const message = headerRecord.lastLine > headerRecord.line ? quoteSpansMessage(headerRecord) : headerRecord.errors.join(' ');
    errors.push({ line: headerRecord.line, message: t('parseHeaderLine', { errors: message }) });
  }

  const rows: ParsedRow[] = records.map((record, index) => {
    const row = index + 1;
    const rowErrors: ParseIssue[] = record.errors.map((message) => ({ row, line: record.line, message }));
    if (swallowsLines(record, columns)) {
      // Refused as a whole: the people on the swallowed lines would otherwise silently be missing.
      const message = quoteSpansMessage(record);
      errors.push({ line: record.line, message });
      rowErrors.push({ row, line: record.line, message });
    }
    const values: Partial<Record<InviteColumn, string>> = {};
    columns.forEach((column, cellIndex) => {
      // A cell that comes back from our own download may carry its formula protection (utils/csv.ts).
      if (column && values[column] === undefined) values[column] = formulaUnprotect((record.cells[cellIndex] ?? '').trim()).trim();
    });
    const extra = record.cells.slice(headers.length).filter((cell) => cell.trim() !== '');
    if (extra.length > 0) {
      rowErrors.push({
        row,
        line: record.line,
        message: t('parseTooManyCells', { cells: record.cells.length, headers: headers.length, delimiter: delimiterName(delimiter) }),
      });
    }
    return { row, line: record.line, cells: record.cells, values, errors: rowErrors };
  });

  if (rows.length === 0 && errors.length === 0) {
    errors.push({ message: t('parseNoRows') });
  }
  return { ok: errors.length === 0, delimiter, headers, columns, rows, errors, warnings };
}

interface TextRecord {
  cells: string[];
  /** 1-based line of the text where the record starts. */
  line: number;
  /** 1-based line of its last visible character (a quoted value can run over several lines). */
  lastLine: number;
  /** Quote problems papaparse found in it, as messages. */
  errors: string[];
}

const LINE_BREAK = /\r\n|\n|\r/;

/**
 * A record that runs over several lines has taken in lines that were probably rows of their own:
 * because of a quote error (a quote never closed, or closed by a later quote), because one of our
 * columns holds a line break (no email, team or group name does), or because a value's later lines
 * hold an email address. Line breaks in columns we ignore (a "notes" column) are fine.
 */
function swallowsLines(record: TextRecord, columns: readonly (InviteColumn | null)[]): boolean {
  if (record.lastLine === record.line) return false;
  if (record.errors.length > 0) return true;
  return record.cells.some((cell, index) => {
    const [, ...later] = cell.split(LINE_BREAK);
    if (later.length === 0) return false;
    return (columns[index] ?? null) !== null || /\S@\S/.test(later.join('\n'));
  });
}

function quoteSpansMessage(record: TextRecord): string {
  const swallowed = record.lastLine - record.line;
  return tCount('parseQuoteSpans', swallowed, { first: record.line, next: record.line + 1, last: record.lastLine });
}

function quoteErrorMessage(code: string, fallback: string): string {
  switch (code) {
    case 'MissingQuotes':
      return t('parseMissingQuote');
    case 'InvalidQuotes':
      return t('parseInvalidQuotes');
    default:
      return fallback;
  }
}

/** The end of text[from, to) without its trailing whitespace (the line end, blank lines). */
function lastVisible(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** Line breaks (\r\n, \n or \r, each counted once) in text[from, to). */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) count++;
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}
