/**
 * The engine must stay fast on the largest org we plan for (5,000 members, 200 projects,
 * 60 groups; the budget is 150 ms for the full report, measured by `npm run bench`).
 * This test guards the algorithm, not the machine: its limit is generous, but a naive
 * members × projects × groups scan with lookups inside the loops would take many seconds.
 */
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from './engine';
import { generateSnapshot } from './test-snapshot';

const LIMIT_MS = 2_000;

describe('engine performance on a large org', () => {
  it.each([
    { mode: 'project-level', projectLevel: true },
    { mode: 'org-level', projectLevel: false },
  ])('computes the full $mode report for 5,000 × 200 × 60 well within budget', ({ projectLevel }) => {
    const snapshot = generateSnapshot(42, {
      members: 5_000,
      projects: 200,
      groups: 60,
      projectLevel,
      groupsPerMember: 2,
      projectsPerGroup: 20,
      directPerMember: 5,
    });
    computeAccessReport(snapshot); // warm-up: JIT, so the measurement is of the algorithm
    const started = performance.now();
    const report = computeAccessReport(snapshot);
    const elapsed = performance.now() - started;

    expect(report.members.size).toBe(5_000);
    for (const access of report.members.values()) expect(access.perProject).toHaveLength(200);
    expect(report.findings.length).toBeGreaterThan(0);
    console.info(`access report (${projectLevel ? 'project' : 'org'}-level, 5,000 × 200 × 60): ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(LIMIT_MS);
  });
});
