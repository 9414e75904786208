import { describe, expect, it } from 'vitest';
import { parseOffboardCsv } from './parse';
import { contentMoves, offboardCounts, validateOffboarding } from './validate';
import { CONTENT, NOW, PEOPLE } from './test-fixture';

const rowsOf = (csv: string) => {
  const parsed = parseOffboardCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rows;
};
const validate = (csv: string, acknowledged: string[] = [], people = PEOPLE) =>
  validateOffboarding({ rows: rowsOf(csv), people, viewerId: 'u-1', content: CONTENT, acknowledged: new Set(acknowledged), now: NOW });
const kinds = (csv: string, acknowledged: string[] = []) => validate(csv, acknowledged).map((row) => (row.verdict.kind === 'invalid' ? row.verdict.code : row.verdict.kind));

describe('parseOffboardCsv', () => {
  it('reads email, transfer_to and reason by their header, in any order, with other spellings and delimiters', () => {
    expect(rowsOf('Reason;Transfer To;E-mail\nleft;ethan@x.io;Grace@x.io\n')).toEqual([{ row: 1, email: 'Grace@x.io', transferTo: 'ethan@x.io', reason: 'left' }]);
    expect(rowsOf("email\ttransfer_to\n'-ann@x.io\t\n")[0]).toMatchObject({ email: '-ann@x.io', transferTo: '' });
  });
  it('says what is wrong with a file it cannot use', () => {
    expect(parseOffboardCsv('  ')).toMatchObject({ ok: false });
    expect(parseOffboardCsv('name,team\nA,B')).toMatchObject({ ok: false });
  });
});

describe('validateOffboarding', () => {
  it('gives every kind of row its verdict and reason', () => {
    const csv = [
      'email,transfer_to,reason',
      'grace@x.io,ethan@x.io,left', // transfer
      'emma@x.io,,', // owns nothing
      'ryan@x.io,ethan@x.io,', // pending: revoked, whatever the recipient
      'gabriel@x.io,,', // owner without recipient: needs acknowledgement
      'nobody@x.io,,', // unknown
      'maya@x.io,,', // oneself
      'not an email,,',
      'grace@x.io,,', // listed twice
      'jonas@x.io,stranger@x.io,', // unknown recipient
      'daniel@x.io,ryan@x.io,', // pending recipient
      'lea@x.io,emma@x.io,', // recipient removed in the same run
      'lea@x.io,,', // listed twice
    ].join('\n');
    expect(kinds(csv)).toEqual(['transfer', 'no-content', 'revoke', 'needs-ack', 'unknown', 'self', 'bad-email', 'duplicate', 'recipient-unknown', 'recipient-pending', 'recipient-removed', 'duplicate']);
    expect(kinds('email,transfer_to\nethan@x.io,gabriel@x.io\nethan2@x.io,jonas@x.io')).toEqual(['recipient-inactive', 'unknown']);
    const reasons = validate(csv).flatMap((row) => (row.verdict.kind === 'invalid' ? [row.verdict.reason] : []));
    expect(reasons.every((reason) => reason.length > 10 && !reason.includes('⟦'))).toBe(true);
  });

  it('removes a content owner without transfer only when acknowledged, person by person', () => {
    expect(kinds('email\ngabriel@x.io\ngrace@x.io', ['gabriel@x.io'])).toEqual(['without-transfer', 'needs-ack']);
  });

  it('treats content that could not be counted as content, never as nothing', () => {
    const rows = validateOffboarding({ rows: rowsOf('email\nemma@x.io'), people: PEOPLE, viewerId: 'u-1', content: new Map([['emma@x.io', null]]), acknowledged: new Set(), now: NOW });
    expect(rows[0]!.verdict.kind).toBe('needs-ack');
  });

  it('never removes the only Admin, nor every Admin at once', () => {
    const solo = PEOPLE.map((person) => (person.id === 'u-1' ? { ...person, admin: false } : person));
    const rows = validateOffboarding({ rows: rowsOf('email,transfer_to\ndaniel@x.io,ethan@x.io'), people: solo, viewerId: 'u-1', content: CONTENT, acknowledged: new Set(), now: NOW });
    expect(rows[0]!.verdict).toMatchObject({ kind: 'invalid', code: 'only-admin' });
    const both = validateOffboarding({ rows: rowsOf('email,transfer_to\ndaniel@x.io,ethan@x.io\nmaya@x.io,ethan@x.io'), people: PEOPLE, viewerId: 'u-9', content: CONTENT, acknowledged: new Set(), now: NOW });
    expect(both.map((row) => row.verdict.kind === 'invalid' && row.verdict.code)).toEqual(['last-admins', 'last-admins']);
    // One of two Admins may go.
    expect(kinds('email,transfer_to\ndaniel@x.io,ethan@x.io')).toEqual(['transfer']);
  });

  it('counts the preview and says what content moves to whom', () => {
    const rows = validate('email,transfer_to\ngrace@x.io,ethan@x.io\ngabriel@x.io,ethan@x.io\nemma@x.io,\nryan@x.io,\nnobody@x.io,\njonas@x.io,emma@x.io');
    expect(offboardCounts(rows)).toEqual({ withTransfer: 2, withoutContent: 1, withoutTransfer: 0, revoke: 1, needsAck: 0, invalid: 2 });
    const moves = contentMoves(rows);
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ recipient: { email: 'ethan@x.io' }, people: 2, content: { charts: 53, dashboards: 13, cohorts: 9, notebooks: 4 } });
  });
});
