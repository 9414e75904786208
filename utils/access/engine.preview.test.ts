// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { computeAccessReport, computeAccessReportInSlices, createAccessPreview } from './engine';
import { buildSnapshot, generateSnapshot } from './test-snapshot';

const findingsOfReport = (report: ReturnType<typeof computeAccessReport>, memberId: string) =>
  report.findings.filter((finding) => finding.memberIds.includes(memberId));

describe('createAccessPreview', () => {
  const options = { now: '2025-07-31T00:00:00.000Z' };

  it('gives every member the access and findings the full report gives them', () => {
    const snapshot = generateSnapshot(11, { members: 150, projects: 12, groups: 8, projectLevel: true, groupsPerMember: 1.5, projectsPerGroup: 4, directPerMember: 2 });
    const preview = createAccessPreview(snapshot, options);
    const report = computeAccessReport(snapshot, options);
    expect(preview.projects).toBe(snapshot.projects);
    // Asked in reverse order: nothing may depend on members being computed in the snapshot's order.
    for (const member of [...snapshot.members].reverse()) {
      const early = preview.member(member.id);
      const whole = report.members.get(member.id);
      expect(early?.perProject.map((cell) => [cell.role, cell.sources.length])).toEqual(whole?.perProject.map((cell) => [cell.role, cell.sources.length]));
      expect(early?.summary).toEqual(whole?.summary);
      expect(early?.groupIds).toEqual(whole?.groupIds);
      expect(preview.findingsOf(member.id)).toEqual(findingsOfReport(report, member.id));
    }
  });

  it('includes org-wide findings (sole Admin, too many Admins) for the members they name, and the stale invites as of `now`', () => {
    const sole = buildSnapshot({ members: { boss: { orgRole: 'admin' }, ann: { roles: { p1: 'viewer' } } } });
    const solePreview = createAccessPreview(sole);
    expect(solePreview.findingsOf('boss').map((finding) => finding.code)).toEqual(['sole-admin']);
    expect(solePreview.findingsOf('ann')).toEqual([]);

    const crowd = buildSnapshot({
      members: {
        a1: { orgRole: 'admin' },
        a2: { orgRole: 'admin' },
        a3: { orgRole: 'admin' },
        a4: { orgRole: 'admin' },
        late: { status: 'pending', invitedAt: '2025-06-01T00:00:00.000Z' },
      },
    });
    const crowdPreview = createAccessPreview(crowd, { now: '2025-06-30T00:00:00.000Z' });
    expect(crowdPreview.findingsOf('a3').map((finding) => finding.code)).toEqual(['too-many-admins']);
    expect(crowdPreview.findingsOf('late').map((finding) => finding.code)).toEqual(['stale-invite']);
    expect(createAccessPreview(crowd, { now: '2025-06-10T00:00:00.000Z' }).findingsOf('late')).toEqual([]);
  });

  it('answers nothing for a member the snapshot does not hold', () => {
    const preview = createAccessPreview(buildSnapshot({ members: { ann: {} } }));
    expect(preview.member('nobody')).toBeUndefined();
    expect(preview.findingsOf('nobody')).toEqual([]);
  });

  it('is reused by the sliced report: the same access objects, and the same report as without it', async () => {
    const snapshot = generateSnapshot(3, { members: 80, projects: 6, groups: 5, projectLevel: false, groupsPerMember: 1, projectsPerGroup: 3, directPerMember: 0 });
    const preview = createAccessPreview(snapshot, options);
    const first = snapshot.members[40];
    const early = first ? preview.member(first.id) : undefined;
    let pauses = 0;
    const report = await computeAccessReportInSlices(snapshot, options, {
      sliceSize: 20,
      preview,
      pause: async () => {
        pauses++;
        // The preview keeps answering between slices.
        expect(preview.member(snapshot.members[0]?.id ?? '')).toBeDefined();
      },
    });
    // Slices of access, a pause before the findings and one after the org-wide ones, slices of findings.
    expect(pauses).toBe(2 * Math.floor(80 / 20) + 2);
    expect(first && report.members.get(first.id)).toBe(early);
    const plain = computeAccessReport(snapshot, options);
    expect(report.findings).toEqual(plain.findings);
    for (const [id, access] of plain.members) expect(report.members.get(id)?.summary).toEqual(access.summary);
  });

  it('refuses to build a report for another snapshot than its own', async () => {
    const preview = createAccessPreview(buildSnapshot({ members: { ann: {} } }));
    await expect(computeAccessReportInSlices(buildSnapshot({ members: { bob: {} } }), {}, { preview })).rejects.toThrow(/another snapshot/);
  });
});
