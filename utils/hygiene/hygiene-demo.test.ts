/**
 * The demo org (test/console/seeds/demo.json) has someone in every category of the hygiene report
 * at two thresholds; the end-to-end test (test/e2e/hygiene-report.spec.ts) checks the same names
 * in the browser. Judged at the seed's own `now`.
 */
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from '../access/engine';
import { Backend } from '../../test/console/server/backend';
import { loadSeed } from '../../test/console/seeds';
import { snapshotOfDouble } from '../../test/support/double-snapshot';
import type { ContentRead } from './activity';
import { DEMO_EXPECTED, DEMO_THRESHOLDS } from '../../test/support/hygiene-demo-expected';
import { buildHygieneReport, HYGIENE_CATEGORIES } from './hygiene-report';
import { hygieneCsv } from './export';
import { DEFAULT_VIEW, viewRows } from './table';

function demoHygiene(inactiveDays: number, staleInviteDays: number) {
  const state = new Backend(loadSeed('demo')).state();
  const snapshot = snapshotOfDouble(state);
  const report = computeAccessReport(snapshot, { now: state.now });
  const content = new Map<string, ContentRead>(state.members.map((member) => [member.id, { ok: true, counts: member.content, lastChangedAt: null, changeComplete: true }]));
  return buildHygieneReport(snapshot, report, content, { inactiveDays, staleInviteDays, now: new Date(state.now) });
}

describe('the demo org’s hygiene report', () => {
  it.each(['30/30', '90/45'] as const)('lists exactly the expected people at %s days', (key) => {
    const { inactiveDays, staleInviteDays } = DEMO_THRESHOLDS[key];
    const result = demoHygiene(inactiveDays, staleInviteDays);
    for (const category of HYGIENE_CATEGORIES) {
      const names = result.rows.filter((row) => row.categories.includes(category)).map((row) => row.name);
      expect(names.sort(), category).toEqual(DEMO_EXPECTED[key][category]);
    }
  });

  it('exports as CSV exactly the rows shown, formula-safe', () => {
    const rows = viewRows(demoHygiene(30, 30).rows, { ...DEFAULT_VIEW, sort: 'name' });
    const lines = hygieneCsv(rows).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[0]).toMatch(/^name,email,team,status,last active,last active source,/);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(rows.map((row) => row.name));
  });
});
