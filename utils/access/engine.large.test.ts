// @vitest-environment node
/**
 * The engine on the largest org we plan for (5,000 members, 200 projects, 60 groups): a complete
 * report, every member and project. How long it takes is measured by `npm run bench`
 * (scripts/bench-engine.ts, budget 40 ms), not here: tests do not time things.
 */
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from './engine';
import { generateSnapshot } from './test-snapshot';

describe('engine on a large org', () => {
  it.each([
    { mode: 'project-level', projectLevel: true },
    { mode: 'org-level', projectLevel: false },
  ])('computes the full $mode report for 5,000 × 200 × 60', ({ projectLevel }) => {
    const snapshot = generateSnapshot(42, {
      members: 5_000,
      projects: 200,
      groups: 60,
      projectLevel,
      groupsPerMember: 2,
      projectsPerGroup: 20,
      directPerMember: 5,
    });
    const report = computeAccessReport(snapshot);
    expect(report.members.size).toBe(5_000);
    for (const access of report.members.values()) expect(access.perProject).toHaveLength(200);
    expect(report.findings.length).toBeGreaterThan(0);
  });
});
