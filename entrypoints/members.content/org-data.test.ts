import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrgSnapshot } from '@/utils/access/model';
import { buildSnapshot, generateSnapshot } from '@/utils/access/test-snapshot';
import type { MembersPage } from '@/utils/amplitude/page';

const io = vi.hoisted(() => ({
  cached: null as { readAt: number; snapshot: OrgSnapshot } | null,
  fresh: null as (() => Promise<OrgSnapshot>) | null,
  puts: [] as OrgSnapshot[],
}));

vi.mock('@/utils/messaging', () => ({
  sendRequest: vi.fn(async (request: { type: string; snapshot?: OrgSnapshot }) => {
    if (request.type === 'snapshot-get') return io.cached;
    if (request.type === 'snapshot-put' && request.snapshot) io.puts.push(request.snapshot);
    return { stored: true };
  }),
}));
vi.mock('@/utils/amplitude/console-client', () => ({ createConsoleClient: () => ({}) }));
vi.mock('@/utils/amplitude/read-org', () => ({ readOrgSnapshot: () => (io.fresh ? io.fresh() : Promise.reject(new Error('offline'))) }));

const { createOrgData } = await import('./org-data');
type State = ReturnType<ReturnType<typeof createOrgData>['get']>;

const page = { location: { orgUrl: 'acme' }, heading: document.createElement('h1') } as unknown as MembersPage;

const cachedSnapshot = buildSnapshot({
  readAt: '2025-06-01T00:00:00.000Z',
  members: { ann: { roles: { p1: 'viewer' } }, bob: { roles: { p2: 'manager' }, groupIds: ['g'] } },
  groups: { g: { name: 'Leads', roles: { p1: 'manager' }, memberIds: ['bob'] } },
});
const freshSnapshot = buildSnapshot({
  readAt: '2025-06-02T00:00:00.000Z',
  members: { ann: { roles: { p1: 'member' } }, bob: { roles: { p2: 'manager' } } },
});

function record(signal: AbortSignal) {
  const orgData = createOrgData(page, signal);
  const states: State[] = [];
  orgData.subscribe((state) => states.push(state));
  return { orgData, states };
}

const until = async (check: () => boolean, what = check.toString()) => {
  void what;
  await vi.waitFor(() => expect(check(), what).toBe(true), { timeout: 2000, interval: 5 });
};

describe('org data: a preview before the report', () => {
  beforeEach(() => {
    io.cached = null;
    io.fresh = null;
    io.puts = [];
  });

  it('publishes the cached snapshot as a preview first, then its report (and the preview goes), then the fresh one the same way', async () => {
    io.cached = { readAt: Date.parse(cachedSnapshot.readAt), snapshot: cachedSnapshot };
    let deliver!: (snapshot: OrgSnapshot) => void;
    io.fresh = () => new Promise<OrgSnapshot>((resolve) => (deliver = resolve));
    const { orgData, states } = record(new AbortController().signal);

    await until(() => !!orgData.get().report);
    const firstPreview = states.findIndex((state) => state.preview);
    const firstReport = states.findIndex((state) => state.report);
    expect(firstPreview).toBeGreaterThanOrEqual(0);
    expect(firstPreview).toBeLessThan(firstReport);
    const preview = states[firstPreview]?.preview;
    // The preview is the cached snapshot, says so, and answers as the report does.
    expect(preview?.fromCache).toBe(true);
    expect(preview?.access.snapshot).toBe(cachedSnapshot);
    expect(states[firstPreview]?.report).toBeNull();
    const report = orgData.get().report;
    expect(preview?.access.member('bob')?.summary).toEqual(report?.members.get('bob')?.summary);
    expect(preview?.access.findingsOf('bob')).toEqual(report?.findings.filter((finding) => finding.memberIds.includes('bob')));
    expect(orgData.get()).toMatchObject({ snapshot: cachedSnapshot, fromCache: true, preview: null });

    // The fresh read: its preview replaces what the badges read from, while the cached report stays
    // (marked as from the cache) until the fresh report is done.
    await until(() => typeof deliver === 'function');
    deliver(freshSnapshot);
    await until(() => orgData.get().status === 'ready');
    const freshPreview = states.find((state) => state.preview?.access.snapshot === freshSnapshot);
    expect(freshPreview).toMatchObject({ snapshot: cachedSnapshot, fromCache: true, status: 'refreshing', preview: { fromCache: false } });
    expect(freshPreview?.preview?.access.member('ann')?.summary.highestRole).toBe('member');
    expect(orgData.get()).toMatchObject({ snapshot: freshSnapshot, fromCache: false, preview: null, error: null });
    expect(orgData.get().report?.members.get('ann')?.summary.highestRole).toBe('member');
    await until(() => io.puts.length === 1);
  });

  it('never puts an older snapshot over a newer one that finished first', async () => {
    // A refresh asked while a large cached snapshot is still being computed: the small fresh one
    // finishes first, and the cached report that ends later must not replace it.
    const large = generateSnapshot(5, { members: 3000, projects: 60, groups: 20, projectLevel: true, groupsPerMember: 2, projectsPerGroup: 10, directPerMember: 3 });
    io.cached = { readAt: Date.parse(large.readAt), snapshot: large };
    let asked = false;
    io.fresh = async () => freshSnapshot;
    const orgData = createOrgData(page, new AbortController().signal);
    const states: State[] = [];
    orgData.subscribe((state) => {
      states.push(state);
      if (!asked && state.preview?.access.snapshot === large) {
        asked = true;
        void orgData.refresh();
      }
    });
    await until(() => orgData.get().status === 'ready' && orgData.get().snapshot === freshSnapshot);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(orgData.get().snapshot).toBe(freshSnapshot);
    expect(orgData.get().preview).toBeNull();
    // Once the fresh picture was published, no later state went back to the cached one.
    const freshAt = states.findIndex((state) => state.preview?.access.snapshot === freshSnapshot);
    expect(freshAt).toBeGreaterThan(0);
    expect(states.slice(freshAt).some((state) => state.snapshot === large || state.preview?.access.snapshot === large)).toBe(false);
  });

  it('new thresholds compute the report again from the snapshot in hand, without reading the org again', async () => {
    const twoAdmins = buildSnapshot({
      readAt: '2025-06-02T00:00:00.000Z',
      members: { ann: { orgRole: 'admin' }, bob: { orgRole: 'admin' }, cy: { roles: { p1: 'viewer' } } },
    });
    let reads = 0;
    io.fresh = async () => {
      reads += 1;
      return twoAdmins;
    };
    const orgData = createOrgData(page, new AbortController().signal, { maxAdmins: 3 });
    const tooMany = () => orgData.get().report?.findings.some((finding) => finding.code === 'too-many-admins') ?? false;
    await until(() => orgData.get().status === 'ready' && !!orgData.get().report);
    expect(tooMany()).toBe(false);
    const readsBefore = reads;
    orgData.setFindingOptions({ maxAdmins: 1 });
    await until(tooMany);
    expect(orgData.get().snapshot).toBe(twoAdmins);
    expect(reads).toBe(readsBefore);
  });

  it('keeps the cached preview marked as from the cache when the fresh read fails', async () => {
    io.cached = { readAt: Date.parse(cachedSnapshot.readAt), snapshot: cachedSnapshot };
    const { orgData } = record(new AbortController().signal);
    await until(() => orgData.get().status === 'error');
    expect(orgData.get()).toMatchObject({ snapshot: cachedSnapshot, fromCache: true, error: 'offline', preview: null });
  });
});
