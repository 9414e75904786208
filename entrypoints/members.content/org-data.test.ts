import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrgSnapshot } from '@/utils/access/model';
import { buildSnapshot, generateSnapshot } from '@/utils/access/test-snapshot';
import type { MembersPage } from '@/utils/amplitude/page';

const io = vi.hoisted(() => ({
  cached: null as { readAt: number; snapshot: OrgSnapshot } | null,
  fresh: null as (() => Promise<OrgSnapshot>) | null,
  puts: [] as OrgSnapshot[],
  /** When set, the background's storage fails with it (get and put). */
  storageError: null as Error | null,
}));

vi.mock('@/utils/messaging', () => ({
  sendRequest: vi.fn(async (request: { type: string; snapshot?: OrgSnapshot | string }) => {
    if (io.storageError) throw io.storageError;
    if (request.type === 'snapshot-get') return io.cached;
    if (request.type === 'snapshot-put' && request.snapshot) io.puts.push(typeof request.snapshot === 'string' ? (JSON.parse(request.snapshot) as OrgSnapshot) : request.snapshot);
    return { stored: true };
  }),
}));
vi.mock('@/utils/amplitude/console-client', () => ({ createConsoleClient: () => ({}) }));

/** The on-demand union engine (access-permissions-file.ts): its load, held until the test lets it end. */
const unionFile = vi.hoisted(() => ({ loads: 0, gate: Promise.resolve() as Promise<void>, failWith: null as Error | null }));
vi.mock('./load-unlisted', async () => {
  const { withPermissionFindings } = await import('@/utils/access/permission-findings');
  const { permissionModelOf } = await import('@/utils/access/permission-union');
  const { describeUnionAccess } = await import('@/utils/access/union-words');
  const file = { withPermissionFindings, describeUnionAccess: (access: never, snapshot: OrgSnapshot) => describeUnionAccess(access, permissionModelOf(snapshot)) };
  return {
    unlistedFileLoader: (path: string) => async () => {
      if (path !== '/access-permissions.js') throw new Error(`unexpected load of ${path}`);
      unionFile.loads += 1;
      await unionFile.gate;
      if (unionFile.failWith) throw unionFile.failWith;
      return file;
    },
  };
});
// A visit that ended reads nothing more: a read a test left queued must not call the next test's `io.fresh`.
vi.mock('@/utils/amplitude/read-org', () => ({
  readOrgSnapshot: (_client: unknown, { signal }: { signal?: AbortSignal } = {}) =>
    signal?.aborted ? Promise.reject(new Error('aborted')) : io.fresh ? io.fresh() : Promise.reject(new Error('offline')),
}));

const { createOrgData } = await import('./org-data');
const { demoSnapshot } = await import('@/utils/invite/test-fixture');
type State = ReturnType<ReturnType<typeof createOrgData>['get']>;

const page = { location: { orgUrl: 'acme' }, heading: document.createElement('h1') } as unknown as MembersPage;

/** Each test's visits, ended after it (as leaving the page does), so none reads on into the next test. */
const visits: AbortController[] = [];
const visit = (): AbortSignal => {
  const controller = new AbortController();
  visits.push(controller);
  return controller.signal;
};
afterEach(() => {
  for (const controller of visits.splice(0)) controller.abort();
});

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
    io.storageError = null;
  });

  it('publishes the cached snapshot as a preview first, then its report (and the preview goes), then the fresh one the same way', async () => {
    io.cached = { readAt: Date.parse(cachedSnapshot.readAt), snapshot: cachedSnapshot };
    let deliver!: (snapshot: OrgSnapshot) => void;
    io.fresh = () => new Promise<OrgSnapshot>((resolve) => (deliver = resolve));
    const { orgData, states } = record(visit());

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
    const orgData = createOrgData(page, visit());
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
    const orgData = createOrgData(page, visit(), { maxAdmins: 3 });
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
    const { orgData } = record(visit());
    await until(() => orgData.get().status === 'error');
    expect(orgData.get()).toMatchObject({ snapshot: cachedSnapshot, fromCache: true, error: 'offline', preview: null });
  });

  it('says when the background storage failed, and that it works again, beside a fresh picture', async () => {
    io.fresh = async () => freshSnapshot;
    io.storageError = new Error('Admin Lens’s background did not answer “snapshot-get” within 15 s.');
    const { orgData } = record(visit());
    await until(() => orgData.get().status === 'ready');
    expect(orgData.get()).toMatchObject({ snapshot: freshSnapshot, error: null, storageError: 'Admin Lens’s background did not answer “snapshot-get” within 15 s.' });
    io.storageError = null;
    await orgData.refresh();
    await until(() => orgData.get().storageError === null);
    expect(io.puts.at(-1)).toEqual(freshSnapshot);
  });
});

describe('org data: a refresh asked during a read', () => {
  /** Every read of the org, in order, each answered when the test says. */
  let reads: { deliver: (snapshot: OrgSnapshot) => void }[];
  beforeEach(() => {
    io.cached = null;
    io.puts = [];
    io.storageError = null;
    reads = [];
    io.fresh = () => new Promise<OrgSnapshot>((resolve) => reads.push({ deliver: resolve }));
  });

  const settled = (promise: Promise<unknown>) => {
    const flag = { done: false };
    void promise.then(() => (flag.done = true));
    return flag;
  };

  it('gets a read that starts after the one in flight, and every refresh asked meanwhile shares it', async () => {
    const orgData = createOrgData(page, visit());
    await until(() => reads.length === 1);
    // Invites were just sent while the first read was under way: it may not see them.
    const first = orgData.refresh();
    const second = orgData.refresh();
    const third = orgData.refresh();
    expect(second).toBe(first);
    expect(third).toBe(first);
    const done = settled(first);
    expect(reads).toHaveLength(1);

    reads[0]?.deliver(cachedSnapshot);
    await until(() => reads.length === 2);
    // The read in flight ended: the refresh is not done until the one that started after it ends.
    expect(done.done).toBe(false);
    reads[1]?.deliver(freshSnapshot);
    await first;
    expect(orgData.get()).toMatchObject({ status: 'ready', snapshot: freshSnapshot, fromCache: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).toHaveLength(2);

    // With nothing in flight, a refresh starts a read at once; asked again after it began, another follows.
    const later = orgData.refresh();
    await until(() => reads.length === 3);
    const again = orgData.refresh();
    expect(again).not.toBe(later);
    reads[2]?.deliver(cachedSnapshot);
    await later;
    await until(() => reads.length === 4);
    reads[3]?.deliver(freshSnapshot);
    await again;
    expect(orgData.get().snapshot).toBe(freshSnapshot);
  });

  it('readSince: a read in flight that started in time is enough; one that started before stops, and a read started now serves its waiters too', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(1_000);
      const orgData = createOrgData(page, visit());
      await until(() => reads.length === 1);
      vi.setSystemTime(5_000);
      // The read in flight started at about 1000: enough for "since 1000", not for "since 4000".
      const inTime = settled(orgData.readSince(1_000));
      const late = settled(orgData.readSince(4_000));
      // Not waiting for the first to end: a second read starts at once.
      await until(() => reads.length === 2);
      // Asked after the second started: it shares that one.
      const later = settled(orgData.readSince(5_000));
      // The stopped read's answer is not shown, and does not end anyone's wait.
      reads[0]?.deliver(cachedSnapshot);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(orgData.get().snapshot).toBeNull();
      expect([inTime.done, late.done, later.done]).toEqual([false, false, false]);
      reads[1]?.deliver(freshSnapshot);
      // The first read's waiters are served by the second (it started after they asked).
      await until(() => inTime.done && late.done && later.done);
      expect(orgData.get()).toMatchObject({ status: 'ready', snapshot: freshSnapshot, readStartedAt: expect.any(Number) });
      expect(orgData.get().readStartedAt).toBeGreaterThanOrEqual(5_000);
      // Data read since then is enough: no read at all.
      await orgData.readSince(5_000);
      expect(reads).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('org data: an org with custom roles (RBAC) waits for the union engine', () => {
  beforeEach(() => {
    io.cached = null;
    io.fresh = null;
    io.puts = [];
    io.storageError = null;
    unionFile.loads = 0;
    unionFile.failWith = null;
    unionFile.gate = Promise.resolve();
  });

  it('shows nothing of the snapshot until the engine is loaded, then the preview and report with the permission findings', async () => {
    let release!: () => void;
    unionFile.gate = new Promise<void>((resolve) => (release = resolve));
    const rbac = demoSnapshot();
    io.fresh = async () => rbac;
    const { orgData, states } = record(visit());
    await until(() => unionFile.loads === 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Loading: no preview, no report, so no badge can show a ranked stand-in for a custom role.
    expect(states.every((state) => !state.preview && !state.report)).toBe(true);
    release();
    await until(() => orgData.get().status === 'ready' && !!orgData.get().report);
    const firstPreview = states.find((state) => state.preview);
    expect(firstPreview?.permissions).toBeTruthy();
    expect(orgData.get().permissions).toBe(firstPreview?.permissions);
    const codes = orgData.get().report?.findings.map((finding) => finding.code) ?? [];
    expect(codes).toEqual(expect.arrayContaining(['permission-union', 'permission-escalation']));
    // Zara holds Analyst and Marketing on one project: said by the union, never by the stand-in rank.
    const zara = orgData.get().report?.members.get('u-21');
    expect(zara && orgData.get().permissions?.describeUnionAccess(zara, rbac)).toMatch(/Analyst \+ Marketing/);
  });

  it('never loads it for an org without custom roles', async () => {
    io.fresh = async () => freshSnapshot;
    const { orgData } = record(visit());
    await until(() => orgData.get().status === 'ready' && !!orgData.get().report);
    expect(unionFile.loads).toBe(0);
    expect(orgData.get().permissions ?? null).toBeNull();
  });

  it('says why when the engine does not load, and shows no report of the org meanwhile', async () => {
    unionFile.failWith = new Error('/access-permissions.js did not load');
    io.fresh = async () => demoSnapshot();
    const { orgData, states } = record(visit());
    await until(() => orgData.get().status === 'error');
    expect(orgData.get().error).toBe('/access-permissions.js did not load');
    expect(states.every((state) => !state.preview && !state.report)).toBe(true);
  });
});
