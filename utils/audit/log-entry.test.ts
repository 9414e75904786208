// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PENDING_OUTCOME } from './entry';
import { parseAuditLogEntry } from './log-entry';

const removal = {
  at: 1,
  org: { url: 'acme', name: 'Acme' },
  by: { name: 'Ada', email: 'ada@acme.example' },
  people: [{ name: 'Olga', email: 'olga@acme.example', memberId: 'u-2', access: null, orgRole: 'user', content: null }],
  transferTo: null,
  decision: 'passed',
  warnings: [],
  dataAsOf: null,
  outcome: PENDING_OUTCOME,
};
const emailChange = {
  kind: 'email-change',
  at: 2,
  org: { url: 'acme', name: 'Acme' },
  by: { name: 'Ada', email: null },
  changeId: 'c-1',
  step: 'removed-old',
  old: { name: 'Hana', email: 'hana@acme.example' },
  newEmail: 'hana.new@acme.example',
  detail: 'hana@acme.example removed, content transferred to hana.new@acme.example',
};

describe('audit log entries of several kinds', () => {
  it('reads a removal stored before there were kinds as a removal', () => {
    expect(parseAuditLogEntry(removal)).toEqual({ ok: true, entry: { ...removal, kind: 'removal' } });
    expect(parseAuditLogEntry({ ...removal, kind: 'removal' })).toMatchObject({ ok: true, entry: { kind: 'removal' } });
  });

  it('reads an email change step as its own kind', () => {
    expect(parseAuditLogEntry(emailChange)).toEqual({ ok: true, entry: emailChange });
  });

  it('refuses what fits no kind: an unknown kind or step, an email change without its addresses, a removal with a wrong kind', () => {
    expect(parseAuditLogEntry({ ...emailChange, kind: 'rename' }).ok).toBe(false);
    expect(parseAuditLogEntry({ ...emailChange, step: 'half-done' }).ok).toBe(false);
    const { newEmail: _gone, ...noNew } = emailChange;
    expect(parseAuditLogEntry(noNew).ok).toBe(false);
    expect(parseAuditLogEntry({ ...removal, kind: 'email-change' }).ok).toBe(false);
  });
});
