// @vitest-environment node
import { findingWords } from './finding-words';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from './engine';
import {
  ACCESS_REVIEW_COLUMNS,
  accessReviewCsv,
  accessReviewFileName,
  accessReviewJson,
  accessReviewRows,
  csvField,
  neutraliseCell,
  toCsv,
} from './export';
import { buildSnapshot, READ_AT } from './test-snapshot';

/** Reads the CSV back with an independent parser (papaparse), as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data;
}

const snapshot = buildSnapshot({
  projects: ['p1', 'p2', 'p3'],
  members: {
    u1: { orgRole: 'admin', name: 'Ada Admin' },
    u2: { name: 'Priya, "P" Natarajan', roles: { p1: 'viewer' }, groupIds: ['g1'] },
    u3: { name: '=HYPERLINK("http://x")' },
    u4: { status: 'pending', name: '', invitedAt: '2025-01-01T00:00:00.000Z' },
  },
  groups: { g1: { name: 'Engineering Leads', roles: { p1: 'manager', p2: 'manager' }, memberIds: ['u2'] } },
});
const report = computeAccessReport(snapshot);

describe('access review rows', () => {
  const rows = accessReviewRows(report, findingWords);

  it('has one row per member and project, Admins and people without access included', () => {
    expect(rows).toHaveLength(4 * 3);
    expect(rows.filter((row) => row.memberId === 'u1').map((row) => row.effectiveRole)).toEqual(['Admin', 'Admin', 'Admin']);
    expect(rows.filter((row) => row.memberId === 'u3').map((row) => row.effectiveRole)).toEqual(['No Access', 'No Access', 'No Access']);
  });

  it('names every source and the deciding one', () => {
    const csv = parseCsv(accessReviewCsv(rows));
    const header = csv[0] ?? [];
    const col = (name: (typeof ACCESS_REVIEW_COLUMNS)[number]) => header.indexOf(name);
    const priyaP1 = csv.find((line) => line[col('name')] === 'Priya, "P" Natarajan' && line[col('project')] === 'Project p1');
    expect(priyaP1?.[col('effective role')]).toBe('Manager');
    expect(priyaP1?.[col('sources')]).toBe('Org: User; Group Engineering Leads: Manager; Direct: Viewer');
    expect(priyaP1?.[col('deciding source')]).toBe('Group Engineering Leads: Manager');
    expect(priyaP1?.[col('finding codes')]).toContain('escalated-through-group');
    expect(priyaP1?.[col('findings')]).toContain("remove them from group 'Engineering Leads'");
    // p3: not concerned by the escalation.
    const priyaP3 = csv.find((line) => line[col('name')] === 'Priya, "P" Natarajan' && line[col('project')] === 'Project p3');
    expect(priyaP3?.[col('finding codes')]).not.toContain('escalated-through-group');
  });
});

describe('access review CSV', () => {
  const text = accessReviewCsv(accessReviewRows(report, findingWords));
  const parsed = parseCsv(text);

  it('starts with the header and round-trips to members × projects rows', () => {
    expect(parsed[0]).toEqual([...ACCESS_REVIEW_COLUMNS]);
    expect(parsed.length - 1).toBe(report.members.size * report.projects.length);
    for (const line of parsed) expect(line).toHaveLength(ACCESS_REVIEW_COLUMNS.length);
  });

  it('quotes commas, quotes and newlines (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
    expect(parseCsv(toCsv([['a,b', 'say "hi"', 'two\r\nlines']]))).toEqual([['a,b', 'say "hi"', 'two\r\nlines']]);
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])('neutralises a cell starting with %j', (prefix) => {
    const value = `${prefix}1+1`;
    expect(neutraliseCell(value)).toBe(`'${value}`);
    const [[cell]] = parseCsv(toCsv([[value]])) as [[string]];
    expect(cell.startsWith("'")).toBe(true);
    expect(cell.slice(1)).toBe(value);
  });

  it('leaves harmless cells alone', () => {
    expect(neutraliseCell('Maya = Admin')).toBe('Maya = Admin');
    expect(neutraliseCell('')).toBe('');
  });

  it('no exported cell starts with a formula character', () => {
    const cells = parsed.flat();
    expect(cells).toContain(`'=HYPERLINK("http://x")`);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('access review JSON and file names', () => {
  it('carries the org, times and every row with structured sources', () => {
    const rows = accessReviewRows(report, findingWords);
    const json = JSON.parse(accessReviewJson(rows, { org: { url: 'acme', name: 'Acme' }, readAt: READ_AT, exportedAt: READ_AT })) as {
      rowCount: number;
      readAt: string;
      rows: { email: string; projectId: string; deciding: { kind: string; groupName?: string }[] }[];
    };
    expect(json.rowCount).toBe(12);
    expect(json.rows).toHaveLength(12);
    expect(json.readAt).toBe(READ_AT);
    const priya = json.rows.find((row) => row.email === 'u2@example.com' && row.projectId === 'p1');
    expect(priya?.deciding).toEqual([{ kind: 'group', groupId: 'g1', groupName: 'Engineering Leads', role: 'Manager' }]);
  });

  it('names files with the org and the local date', () => {
    expect(accessReviewFileName('demo-org', new Date(2025, 0, 5, 23, 30), 'csv')).toBe('admin-lens-access-review-demo-org-2025-01-05.csv');
    expect(accessReviewFileName('a/b c', new Date(2025, 11, 31), 'json')).toBe('admin-lens-access-review-a_b_c-2025-12-31.json');
  });
});
