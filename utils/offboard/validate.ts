/**
 * Offboarding, step 2: every row judged against the org as read, with a clear reason (issue 17).
 * Pure. Who may be removed: a known person, not oneself, never the only Admin nor all the Admins
 * at once. Where their content goes: a recipient who is known, joined, not removed in the same run
 * and active in the last 30 days [doc: Amplitude's own rule for recipients]; a content owner with
 * no recipient only with an explicit per-person "remove without transfer". Pending people are
 * revoked (removing a pending user is how Amplitude revokes an invite [doc]); they own nothing.
 */
import type { ContentCounts } from '../access/model';
import { t } from '../i18n';
import type { OffboardInputRow } from './parse';

/** [doc] Content goes only to someone active in the last 30 days. */
export const RECIPIENT_ACTIVE_DAYS = 30;
const DAY_MS = 86_400_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface OffboardPerson {
  id: string;
  email: string;
  name: string;
  status: 'joined' | 'pending';
  admin: boolean;
  lastActiveAt: string | null;
}

export type InvalidCode =
  | 'bad-email'
  | 'duplicate'
  | 'unknown'
  | 'self'
  | 'only-admin'
  | 'last-admins'
  | 'recipient-unknown'
  | 'recipient-pending'
  | 'recipient-removed'
  | 'recipient-inactive';

export type RowVerdict =
  | { kind: 'transfer'; person: OffboardPerson; recipient: OffboardPerson; content: ContentCounts | null }
  | { kind: 'no-content'; person: OffboardPerson }
  | { kind: 'without-transfer'; person: OffboardPerson; content: ContentCounts | null }
  | { kind: 'revoke'; person: OffboardPerson }
  /** Owns content (or it could not be counted) and has no recipient: removed only once acknowledged. */
  | { kind: 'needs-ack'; person: OffboardPerson; content: ContentCounts | null }
  | { kind: 'invalid'; code: InvalidCode; reason: string; person: OffboardPerson | null };

export interface ValidatedOffboardRow {
  input: OffboardInputRow;
  verdict: RowVerdict;
}

export interface ValidateInput {
  rows: readonly OffboardInputRow[];
  people: readonly OffboardPerson[];
  viewerId: string | null;
  /** What each person owns, by lower-case email: null when it could not be counted; absent when not counted. */
  content: ReadonlyMap<string, ContentCounts | null>;
  /** Emails (lower case) the admin ticked "remove without transfer" for. */
  acknowledged: ReadonlySet<string>;
  now: number;
}

export const totalContent = (content: ContentCounts | null | undefined): number =>
  content ? content.charts + content.dashboards + content.cohorts + content.notebooks : 0;

export function isRecentlyActive(person: OffboardPerson, now: number): boolean {
  if (person.status !== 'joined' || person.lastActiveAt === null) return false;
  const at = Date.parse(person.lastActiveAt);
  return Number.isFinite(at) && now - at <= RECIPIENT_ACTIVE_DAYS * DAY_MS;
}

const lower = (email: string) => email.trim().toLowerCase();

function invalid(code: InvalidCode, person: OffboardPerson | null, words: Record<string, string> = {}): RowVerdict {
  const reasons: Record<InvalidCode, () => string> = {
    'bad-email': () => t('obInvalidBadEmail', { email: words.email ?? '' }),
    duplicate: () => t('obInvalidDuplicate'),
    unknown: () => t('obInvalidUnknown', { email: words.email ?? '' }),
    self: () => t('obInvalidSelf'),
    'only-admin': () => t('obInvalidOnlyAdmin'),
    'last-admins': () => t('obInvalidLastAdmins'),
    'recipient-unknown': () => t('obInvalidRecipientUnknown', { recipient: words.recipient ?? '' }),
    'recipient-pending': () => t('obInvalidRecipientPending', { recipient: words.recipient ?? '' }),
    'recipient-removed': () => t('obInvalidRecipientRemoved', { recipient: words.recipient ?? '' }),
    'recipient-inactive': () => t('obInvalidRecipientInactive', { recipient: words.recipient ?? '', days: String(RECIPIENT_ACTIVE_DAYS) }),
  };
  return { kind: 'invalid', code, reason: reasons[code](), person };
}

export function validateOffboarding(input: ValidateInput): ValidatedOffboardRow[] {
  const byEmail = new Map(input.people.map((person) => [lower(person.email), person]));
  // Who this run would remove (as far as their own row tells): a recipient among them cannot receive.
  // Not those it never will: oneself, and content owners with neither a recipient nor an acknowledgement.
  const removing = new Set(
    input.rows
      .filter((row) => {
        const person = byEmail.get(lower(row.email));
        if (!person || person.id === input.viewerId) return false;
        const owned = input.content.get(lower(row.email));
        return person.status === 'pending' || lower(row.transferTo) !== '' || (owned != null && totalContent(owned) === 0) || input.acknowledged.has(lower(row.email));
      })
      .map((row) => lower(row.email)),
  );
  const seen = new Set<string>();

  const first = input.rows.map((row): ValidatedOffboardRow => {
    const email = lower(row.email);
    const judge = (): RowVerdict => {
      if (!EMAIL.test(email)) return invalid('bad-email', null, { email: row.email });
      if (seen.has(email)) return invalid('duplicate', byEmail.get(email) ?? null);
      seen.add(email);
      const person = byEmail.get(email);
      if (!person) return invalid('unknown', null, { email: row.email });
      if (person.id === input.viewerId) return invalid('self', person);
      if (person.status === 'pending') return { kind: 'revoke', person };
      const content = input.content.has(email) ? (input.content.get(email) ?? null) : null;
      const to = lower(row.transferTo);
      if (to) {
        const recipient = byEmail.get(to);
        if (!recipient) return invalid('recipient-unknown', person, { recipient: row.transferTo });
        if (recipient.status === 'pending') return invalid('recipient-pending', person, { recipient: to });
        if (removing.has(to)) return invalid('recipient-removed', person, { recipient: to });
        if (!isRecentlyActive(recipient, input.now)) return invalid('recipient-inactive', person, { recipient: to });
        return { kind: 'transfer', person, recipient, content };
      }
      // Counted and owning nothing: nothing to lose. Unknown counts are never "nothing".
      if (input.content.has(email) && content !== null && totalContent(content) === 0) return { kind: 'no-content', person };
      return input.acknowledged.has(email) ? { kind: 'without-transfer', person, content } : { kind: 'needs-ack', person, content };
    };
    return { input: row, verdict: judge() };
  });

  // The org keeps an Admin: when the rows that would remove someone take every joined Admin, none of them goes.
  const admins = input.people.filter((person) => person.status === 'joined' && person.admin);
  const wouldGo = (row: ValidatedOffboardRow) => row.verdict.kind !== 'invalid' && row.verdict.kind !== 'needs-ack';
  const adminRows = first.filter((row) => wouldGo(row) && row.verdict.kind !== 'invalid' && row.verdict.person.admin && row.verdict.person.status === 'joined');
  if (admins.length > 0 && adminRows.length === admins.length) {
    const code = admins.length === 1 ? 'only-admin' : 'last-admins';
    for (const row of adminRows) row.verdict = invalid(code, row.verdict.kind === 'invalid' ? null : row.verdict.person);
  }
  return first;
}

export interface OffboardCounts {
  withTransfer: number;
  withoutContent: number;
  withoutTransfer: number;
  revoke: number;
  needsAck: number;
  invalid: number;
}

export function offboardCounts(rows: readonly ValidatedOffboardRow[]): OffboardCounts {
  const count = (kind: RowVerdict['kind']) => rows.filter((row) => row.verdict.kind === kind).length;
  return {
    withTransfer: count('transfer'),
    withoutContent: count('no-content'),
    withoutTransfer: count('without-transfer'),
    revoke: count('revoke'),
    needsAck: count('needs-ack'),
    invalid: count('invalid'),
  };
}

export interface ContentMove {
  recipient: OffboardPerson;
  people: number;
  /** The content moving to them; null when some of it could not be counted. */
  content: ContentCounts | null;
}

/** What content will move to whom, recipient by recipient, in the order they first appear. */
export function contentMoves(rows: readonly ValidatedOffboardRow[]): ContentMove[] {
  const moves = new Map<string, ContentMove>();
  for (const { verdict } of rows) {
    if (verdict.kind !== 'transfer') continue;
    const move = moves.get(verdict.recipient.id) ?? { recipient: verdict.recipient, people: 0, content: { charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 } };
    move.people += 1;
    move.content = move.content && verdict.content ? addContent(move.content, verdict.content) : null;
    moves.set(verdict.recipient.id, move);
  }
  return [...moves.values()];
}

export function addContent(a: ContentCounts, b: ContentCounts): ContentCounts {
  return { charts: a.charts + b.charts, dashboards: a.dashboards + b.dashboards, cohorts: a.cohorts + b.cohorts, notebooks: a.notebooks + b.notebooks };
}
