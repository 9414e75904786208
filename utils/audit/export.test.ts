// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { auditCsv, auditFileName, auditJson, filterAudit, NO_FILTER } from './export';
import { outcomeFrom, PENDING_OUTCOME, type AuditRecord } from './entry';
import type { EmailChangeAuditRecord } from './log-entry';

const record = (id: number, at: string, patch: Partial<AuditRecord> = {}): AuditRecord => ({
  id,
  at: Date.parse(at),
  org: { url: 'acme', name: 'Acme' },
  by: { name: 'Ada Admin', email: 'ada@acme.example' },
  people: [
    { name: 'Olga Owner', email: 'olga@acme.example', memberId: 'u-2', access: 'Manager in 1 of 3 projects', orgRole: 'user', content: { charts: 3, dashboards: 1, cohorts: 0, notebooks: 2 } },
  ],
  transferTo: null,
  decision: 'confirmed',
  warnings: ['Their content will not be transferred and becomes unassigned. This cannot be undone.'],
  dataAsOf: at,
  outcome: { status: 'gone', checkedAt: Date.parse(at) + 5000, detail: 'No longer in the org data.' },
  ...patch,
});

const emailChange = (id: number, at: string, patch: Partial<EmailChangeAuditRecord> = {}): EmailChangeAuditRecord => ({
  id,
  kind: 'email-change',
  at: Date.parse(at),
  org: { url: 'acme', name: 'Acme' },
  by: { name: 'Ada Admin', email: 'ada@acme.example' },
  changeId: 'c-1',
  step: 'invited',
  old: { name: 'Hana Old', email: 'hana@acme.example' },
  newEmail: 'hana.new@acme.example',
  detail: 'hana.new@acme.example is pending: invite verified',
  ...patch,
});

describe('audit export', () => {
  it('writes one CSV row per removed person with the before-state and outcome', () => {
    const csv = auditCsv([record(1, '2026-01-02T10:00:00.000Z')]);
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe(
      'entry,kind,at,org,by,name,email,org role,access before,charts,dashboards,cohorts,notebooks,transferred to,decision,warnings,outcome,outcome checked at,outcome detail,email change step,new email,email change detail',
    );
    // A removal stored before there were kinds has none: it is a removal.
    expect(row).toBe(
      '1,removal,2026-01-02T10:00:00.000Z,Acme,ada@acme.example,Olga Owner,olga@acme.example,user,Manager in 1 of 3 projects,3,1,0,2,none,confirmed,Their content will not be transferred and becomes unassigned. This cannot be undone.,Removed,2026-01-02T10:00:05.000Z,No longer in the org data.,,,',
    );
    expect(end).toBe('');
  });

  it('writes a step of an email change as one row of its own kind, the removal columns empty', () => {
    const [header, row] = auditCsv([emailChange(4, '2026-01-05T09:00:00.000Z', { old: { name: '=Hana', email: 'hana\u200B@acme.example' } })]).split('\r\n');
    const columns = header!.split(',');
    expect(row!.split(',')).toHaveLength(columns.length);
    expect(row).toBe("4,email-change,2026-01-05T09:00:00.000Z,Acme,ada@acme.example,'=Hana,hana⟨U+200B⟩@acme.example,,,,,,,,,,,,,Invited,hana.new@acme.example,hana.new@acme.example is pending: invite verified");
  });

  it('writes hidden characters of page data as visible markers in the CSV, and keeps them exact in the JSON', () => {
    const lying = record(3, '2026-01-02T10:00:00.000Z', {
      people: [{ name: 'Rita \u202Efdp.exe', email: 'rita\u200B@acme.example', memberId: 'u-3', access: null, orgRole: null, content: null }],
      warnings: ['Rita \u202Efdp.exe is being removed too, so they cannot receive the content.'],
    });
    const row = auditCsv([lying]).split('\r\n')[1] ?? '';
    expect(row).toContain(',Rita ⟨U+202E⟩fdp.exe,rita⟨U+200B⟩@acme.example,');
    expect(row).toContain('Rita ⟨U+202E⟩fdp.exe is being removed too');
    expect(row).not.toMatch(/[\u202E\u200B]/);
    const [entry] = (JSON.parse(auditJson([lying], 'now')) as { entries: AuditRecord[] }).entries;
    expect(entry?.people[0]?.name).toBe('Rita \u202Efdp.exe');
  });

  it('neutralises formulas and quotes page data in CSV', () => {
    const evil = record(2, '2026-01-02T10:00:00.000Z', {
      people: [{ name: '=HYPERLINK("http://x","y")', email: '+1@x.example', memberId: null, access: null, orgRole: null, content: null }],
      transferTo: { name: '@SUM(A1)', email: null },
    });
    const row = auditCsv([evil]).split('\r\n')[1] ?? '';
    expect(row).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(row).toContain("'+1@x.example");
    expect(row).toContain("'@SUM(A1)");
    expect(row).toContain('unknown,,,,');
  });

  it('writes JSON with every entry as stored, each with its kind', () => {
    const parsed = JSON.parse(auditJson([record(1, '2026-01-02T10:00:00.000Z'), emailChange(2, '2026-01-02T11:00:00.000Z')], '2026-01-03T00:00:00.000Z'));
    expect(parsed).toMatchObject({
      kind: 'admin-lens-removal-audit',
      version: 2,
      count: 2,
      entries: [
        { id: 1, kind: 'removal', people: [{ email: 'olga@acme.example' }] },
        { id: 2, kind: 'email-change', step: 'invited', newEmail: 'hana.new@acme.example' },
      ],
    });
    expect(auditFileName(new Date(2026, 0, 3), 'json')).toBe('admin-lens-removal-audit-2026-01-03.json');
  });

  it('filters by text, outcome and date range', () => {
    const all = [
      record(1, '2026-01-02T10:00:00.000Z'),
      record(2, '2026-02-02T10:00:00.000Z', { outcome: PENDING_OUTCOME, transferTo: { name: 'Ethan Brooks', email: 'ethan@acme.example' } }),
    ];
    expect(filterAudit(all, NO_FILTER)).toHaveLength(2);
    expect(filterAudit(all, { ...NO_FILTER, text: 'ETHAN' }).map((r) => r.id)).toEqual([2]);
    expect(filterAudit(all, { ...NO_FILTER, text: 'olga@' })).toHaveLength(2);
    expect(filterAudit(all, { ...NO_FILTER, outcome: 'pending' }).map((r) => r.id)).toEqual([2]);
    expect(filterAudit(all, { ...NO_FILTER, from: Date.parse('2026-01-15T00:00:00Z') }).map((r) => r.id)).toEqual([2]);
    expect(filterAudit(all, { ...NO_FILTER, to: Date.parse('2026-01-15T00:00:00Z') }).map((r) => r.id)).toEqual([1]);
  });

  it('filters by kind; an outcome filter shows removals only; the search finds the new address', () => {
    const all = [record(1, '2026-01-02T10:00:00.000Z'), emailChange(2, '2026-01-03T10:00:00.000Z'), record(3, '2026-01-04T10:00:00.000Z', { kind: 'removal' })];
    expect(filterAudit(all, { ...NO_FILTER, kind: 'email-change' }).map((r) => r.id)).toEqual([2]);
    expect(filterAudit(all, { ...NO_FILTER, kind: 'removal' }).map((r) => r.id)).toEqual([1, 3]);
    expect(filterAudit(all, { ...NO_FILTER, outcome: 'gone' }).map((r) => r.id)).toEqual([1, 3]);
    expect(filterAudit(all, { ...NO_FILTER, text: 'HANA.NEW' }).map((r) => r.id)).toEqual([2]);
    expect(filterAudit(all, { ...NO_FILTER, text: 'ada@', kind: 'email-change' }).map((r) => r.id)).toEqual([2]);
  });
});

describe('outcome', () => {
  const people = record(1, '2026-01-02T10:00:00.000Z').people;
  it('says gone, still there or partial from who remains', () => {
    expect(outcomeFrom(people, () => false, 5).status).toBe('gone');
    expect(outcomeFrom(people, () => true, 5)).toMatchObject({ status: 'still-there', detail: 'Still in the org data: olga@acme.example.' });
    const two = [...people, { ...people[0]!, email: 'b@x.example' }];
    expect(outcomeFrom(two, (p) => p.email === 'b@x.example', 5).status).toBe('partial');
  });
});
