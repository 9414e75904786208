import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from '../access/engine';
import { buildSnapshot } from '../access/test-snapshot';
import { hygieneCsv, hygieneJson, HYGIENE_COLUMNS } from './export';
import { buildHygieneReport } from './hygiene-report';

const NOW = new Date('2025-06-30T12:00:00.000Z');

function reportWith(name: string, email: string) {
  const snapshot = buildSnapshot({ projects: ['p1'], members: { a: { orgRole: 'admin' }, x: { name, email, roles: { p1: 'viewer' }, lastActiveAt: '2025-01-01T00:00:00.000Z' } } });
  const content = new Map([['x', { ok: true as const, counts: { charts: 2, dashboards: 1, cohorts: 0, notebooks: 0 }, lastChangedAt: null, changeComplete: true }]]);
  return buildHygieneReport(snapshot, computeAccessReport(snapshot, { now: NOW.toISOString() }), content, { inactiveDays: 90, staleInviteDays: 14, now: NOW });
}

describe('the hygiene export', () => {
  it('writes page data formula-safe, with hidden characters as markers, in CSV', () => {
    const report = reportWith('=HYPERLINK("x")\u202Efdp.exe', '+ops@x.com');
    const text = hygieneCsv(report.rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, row] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(header).toEqual([...HYGIENE_COLUMNS]);
    expect(row![0]).toBe(`'=HYPERLINK("x")⟨U+202E⟩fdp.exe`);
    expect(row![1]).toBe("'+ops@x.com");
    expect(row!.slice(4, 7)).toEqual(['2025-01-01', 'last active', '180']);
    expect(row!.slice(9, 13)).toEqual(['2', '1', '0', '0']);
    expect(row![14]).toBe('inactive content-owner');
  });

  it('keeps the exact values and the codes in JSON, with the column states', () => {
    const report = reportWith('Rita\u202Efdp.exe', 'rita@x.com');
    const json = JSON.parse(hygieneJson(report, report.rows, { org: { url: 'o', name: 'O' }, readAt: NOW.toISOString(), exportedAt: NOW.toISOString() }));
    expect(json.rows[0]).toMatchObject({ name: 'Rita\u202Efdp.exe', lastActive: { source: 'last-active', at: '2025-01-01T00:00:00.000Z' }, categories: ['inactive', 'content-owner'] });
    expect(json.columns.lastActive).toEqual({ readable: true, reason: null });
    expect(json.thresholds).toEqual({ inactiveDays: 90, staleInviteDays: 14 });
  });
});
