import { describe, expect, it } from 'vitest';
import { computeAccessReport, createAccessPreview } from './engine';
import type { AccessReport } from './report';
import { generateSnapshot } from './test-snapshot';
import { demoSnapshot } from '../invite/test-fixture';
import { holdsCustomRole } from './custom-roles';
import * as permissionFindings from './permission-findings';

/** Everything a report says, as plain data: every member's every cell, the summaries and the findings. */
function pictureOf(report: AccessReport) {
  return {
    mode: report.mode,
    members: [...report.members].map(([id, access]) => [id, access.groupIds, access.summary, access.perProject.map((cell) => [cell.role, cell.sources, cell.deciding, cell.loweringBlockedBy])]),
    findings: report.findings,
  };
}

/**
 * Reports of one snapshot share its indexes and cell cache (engine.ts, indexesOf): whatever was
 * computed before, with whatever options, a report must be the one a fresh snapshot gives.
 */
describe('reports made again for the same snapshot', () => {
  for (const projectLevel of [true, false]) {
    it(`equal the report of a fresh copy (${projectLevel ? 'project' : 'org'}-level), after a preview and with other options`, () => {
      const shape = { members: 120, projects: 15, groups: 9, projectLevel, groupsPerMember: 2, projectsPerGroup: 5, directPerMember: 3 };
      const snapshot = generateSnapshot(7, shape);
      const strict = { now: '2025-07-31T00:00:00.000Z', maxAdmins: 1, staleInviteDays: 1 };
      const lenient = { now: '2025-07-31T00:00:00.000Z', maxAdmins: 50, staleInviteDays: 400 };

      const preview = createAccessPreview(snapshot, strict);
      for (const member of snapshot.members.slice(0, 30).reverse()) preview.findingsOf(member.id);
      const first = computeAccessReport(snapshot, strict);
      const second = computeAccessReport(snapshot, lenient);
      const third = computeAccessReport(snapshot, strict);

      expect(pictureOf(first)).toEqual(pictureOf(computeAccessReport(generateSnapshot(7, shape), strict)));
      expect(pictureOf(second)).toEqual(pictureOf(computeAccessReport(generateSnapshot(7, shape), lenient)));
      expect(pictureOf(third)).toEqual(pictureOf(first));
      // The options did change the findings, so the comparison above could tell a stale list apart.
      expect(pictureOf(second).findings).not.toEqual(pictureOf(first).findings);
      // An earlier report is not disturbed by later ones sharing its cells.
      expect(pictureOf(first)).toEqual(pictureOf(third));
    });
  }
});

describe('reports made again for a snapshot with custom roles (RBAC)', () => {
  it('equal the report of a fresh copy, and reuse the cells of custom roles given directly', () => {
    const options = { now: '2025-07-31T00:00:00.000Z' };
    const snapshot = demoSnapshot();
    const first = computeAccessReport(snapshot, options, permissionFindings);
    const second = computeAccessReport(snapshot, { ...options, maxAdmins: 50 }, permissionFindings);
    const third = computeAccessReport(snapshot, options, permissionFindings);

    expect(pictureOf(third)).toEqual(pictureOf(computeAccessReport(demoSnapshot(), options, permissionFindings)));
    expect(pictureOf(first)).toEqual(pictureOf(third));
    const findingCodes = (report: AccessReport) => report.findings.map((finding) => finding.code);
    // The permission findings are there (so the equality above covers them) and the same each time.
    expect(findingCodes(third)).toEqual(expect.arrayContaining(['permission-union', 'permission-escalation']));
    expect(findingCodes(second).filter((code) => code.startsWith('permission') || code.startsWith('custom'))).toEqual(
      findingCodes(first).filter((code) => code.startsWith('permission') || code.startsWith('custom')),
    );

    // A cell holding a custom role given directly is the very cell of the first report: its source
    // was not made anew (which would miss the cache and grow it with every report).
    let direct = 0;
    for (const [id, access] of first.members) {
      const again = third.members.get(id);
      for (let index = 0; index < access.grantedCount; index += 1) {
        const cell = access.grantedAccess(index);
        if (!holdsCustomRole(cell) || !cell.sources.some((source) => source.kind === 'direct' && source.customRole)) continue;
        direct += 1;
        expect(again?.grantedAccess(index)).toBe(cell);
      }
    }
    expect(direct).toBeGreaterThan(0);
  });
});
