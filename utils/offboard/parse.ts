/**
 * Offboarding, step 1: a pasted or dropped CSV (or rows copied from a spreadsheet) to rows of
 * `email`, `transfer_to` and optional `reason` (docs/offboarding.md). Pure: no DOM, nothing about
 * Amplitude. The delimiter is found as the bulk invite finds it; cells our own downloads protected
 * against formulas (`'-ann@x.io`) are read back as written.
 */
import Papa from 'papaparse';
import { formulaUnprotect } from '../csv';
import { detectDelimiter } from '../invite/parse';
import { t } from '../i18n';

export const OFFBOARD_COLUMNS = ['email', 'transfer_to', 'reason'] as const;
export type OffboardColumn = (typeof OFFBOARD_COLUMNS)[number];

/** Header spellings accepted for each column, compared without case, spaces, dashes or underscores. */
const ALIASES: Record<OffboardColumn, readonly string[]> = {
  email: ['email', 'emailaddress', 'user', 'useremail'],
  transfer_to: ['transferto', 'recipient', 'transfercontentto', 'newowner', 'contentto'],
  reason: ['reason', 'note', 'notes', 'comment'],
};

const keyOf = (header: string) => header.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_\-.]+/g, '');

export interface OffboardInputRow {
  /** 1-based data row (the header is not counted). */
  row: number;
  email: string;
  /** The recipient's email as written; '' when none. */
  transferTo: string;
  reason: string;
}

export type ParsedOffboardCsv = { ok: true; rows: OffboardInputRow[] } | { ok: false; error: string };

export function parseOffboardCsv(input: string): ParsedOffboardCsv {
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, error: t('obParseEmpty') };
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: 'greedy' });
  const [header, ...records] = parsed.data;
  if (!header) return { ok: false, error: t('obParseEmpty') };
  const index = (column: OffboardColumn) => header.findIndex((cell) => ALIASES[column].includes(keyOf(cell)));
  const email = index('email');
  if (email < 0) return { ok: false, error: t('obParseNoEmail', { headers: header.join(', ') || '—' }) };
  const transfer = index('transfer_to');
  const reason = index('reason');
  const cell = (record: readonly string[], at: number) => (at < 0 ? '' : formulaUnprotect((record[at] ?? '').trim()));
  return {
    ok: true,
    rows: records.map((record, at) => ({ row: at + 1, email: cell(record, email), transferTo: cell(record, transfer), reason: cell(record, reason) })),
  };
}

/** The template download: the header and two example rows (docs/offboarding.md). */
export function offboardTemplateCsv(): string {
  return ['email,transfer_to,reason', 'leaver@example.com,manager@example.com,Left the company', 'contractor@example.com,,Contract ended'].join('\r\n') + '\r\n';
}
