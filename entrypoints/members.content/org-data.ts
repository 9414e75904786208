/**
 * The org's data for one visit of the page, shared by every feature: the cached snapshot from the
 * background at once, then a fresh read through the console's data endpoint behind it. A failed
 * refresh never leaves old numbers looking current: the state says what failed and how old the
 * picture is.
 */
import type { AccessReport } from '@/utils/access/report';
import { type AccessPreview, type AccessReportOptions, computeAccessReportInSlices, createAccessPreview } from '@/utils/access/engine';
import type { OrgSnapshot } from '@/utils/access/model';
import { createConsoleClient } from '@/utils/amplitude/console-client';
import { fetchNotingOwn } from '@/utils/amplitude/own-requests';
import { type OwnedContent, readOwnedContent } from '@/utils/amplitude/content-counts';
import type { MembersPage } from '@/utils/amplitude/page';
import { readOrgSnapshot } from '@/utils/amplitude/read-org';
import { sendRequest } from '@/utils/messaging';
import { putSnapshot } from './snapshot-upload';
import { accessPermissionsFor, loadAccessPermissions, type AccessPermissionsFile } from './access-permissions-file';
import { snapshotHoldsCustomRoles } from '@/utils/access/custom-roles';
import { orgKeyFor } from '@/utils/org-key';

export type OrgDataStatus = 'loading' | 'ready' | 'refreshing' | 'error';

export interface OrgDataState {
  status: OrgDataStatus;
  snapshot: OrgSnapshot | null;
  report: AccessReport | null;
  /** True while what is shown comes from the cache and a fresh read has not succeeded yet. */
  fromCache: boolean;
  /** When the read behind `snapshot` started (epoch ms); null for a snapshot from the cache. */
  readStartedAt?: number | null;
  /** Why the last read failed; the data shown (if any) is from `snapshot.readAt`. */
  error: string | null;
  /**
   * The newest snapshot while its report is being computed: each member's access and findings on
   * demand, exactly as the coming report has them (the badges of the rows on screen need no more).
   * `fromCache` as above, for this snapshot. Null once `report` is this snapshot's report.
   */
  preview?: { access: AccessPreview; fromCache: boolean } | null;
  /**
   * The union engine of custom roles (access-permissions-file.ts), once a snapshot that holds custom
   * roles was shown: its badge words. Loaded before that snapshot's preview or report is given, so
   * neither is ever shown without it (never a ranked stand-in for a custom role). Kept once loaded.
   */
  permissions?: AccessPermissionsFile | null;
  /**
   * Why the extension's own storage (the background's cache of the org) last failed, or null. The
   * page works without it (from a fresh read), but the admin is told, not only the console.
   */
  storageError?: string | null;
}

export interface OrgData {
  get(): OrgDataState;
  subscribe(listener: (state: OrgDataState) => void): () => void;
  /**
   * Reads the org again (refresh button, or after the page changed members): resolves once a read
   * that started after this call has ended (during a read, one more is queued after it).
   */
  refresh(): Promise<void>;
  /**
   * Resolves once a read that started at or after `since` (epoch ms) has ended, starting one if
   * needed (a read in flight since earlier is stopped, and the one started now serves its waiters
   * too). The removal guard's way to judge on data no older than its dialog.
   */
  readSince(since: number): Promise<void>;
  /**
   * Counts what these people own (charts, dashboards, cohorts, notebooks), read now from the
   * console's content search: the removal guard's evidence for the people in its dialog, and the
   * hygiene report's content column (with the latest change, its activity proxy). Each person's
   * count, or why it could not be made; never a guess.
   */
  countContent(people: readonly { id: string; email: string }[]): Promise<Map<string, OwnedContent | { error: string }>>;
  /**
   * New finding thresholds (a settings change): the report is computed again from the newest
   * snapshot in hand, without reading the org again; the features that show findings redraw.
   */
  setFindingOptions(options: AccessReportOptions): void;
}

/** Work done between two pauses while computing a report, in ms (well under a 50 ms long task). */
const SLICE_BUDGET_MS = 12;
const SLICE_SIZE = 100;

/** A macrotask turn without setTimeout's 4 ms clamp on nested timers. */
export function yieldToPage(): Promise<void> {
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const orgKeyOf = (orgUrl: string) => orgKeyFor(location.origin, orgUrl);

type CachedAnswer = ReturnType<typeof sendRequest<{ type: 'snapshot-get'; orgKey: string }>>;
const prefetched = new Map<string, CachedAnswer>();

/**
 * Asks the background for the cached snapshot as soon as the content script starts on a settings
 * URL, while the console is still rendering its table, so the first badges wait less.
 */
export function prefetchCachedSnapshot(orgUrl: string): void {
  const orgKey = orgKeyOf(orgUrl);
  if (prefetched.has(orgKey)) return;
  const answer = sendRequest({ type: 'snapshot-get', orgKey });
  // An org with custom roles needs the union engine before its first badge: its file starts
  // loading as soon as the cached snapshot says so, while the console still renders, not once the
  // page is found (which put the load after the rows: warm badges 100-270 ms instead of < 1).
  answer.then(
    (cached) => {
      if (cached && snapshotHoldsCustomRoles(cached.snapshot)) loadAccessPermissions().catch(() => undefined); // reported when used
    },
    () => undefined, // reported when taken
  );
  prefetched.set(orgKey, answer);
}

function takePrefetched(orgKey: string): CachedAnswer | undefined {
  const answer = prefetched.get(orgKey);
  prefetched.delete(orgKey);
  return answer;
}

export function createOrgData(page: MembersPage, signal: AbortSignal, initialFindingOptions: AccessReportOptions = {}): OrgData {
  let findingOptions = initialFindingOptions;
  const orgKey = orgKeyOf(page.location.orgUrl);
  let state: OrgDataState = { status: 'loading', snapshot: null, report: null, fromCache: false, error: null, preview: null };
  const listeners = new Set<(state: OrgDataState) => void>();
  let inFlight: Promise<void> | null = null;

  const set = (next: Partial<OrgDataState>) => {
    if (signal.aborted) return;
    state = { ...state, ...next };
    for (const listener of listeners) listener(state);
  };

  /** Says (once per change) whether the background's storage failed; null when it worked again. */
  const storageFailed = (error: unknown) => {
    const reason = error === null ? null : error instanceof Error ? error.message : String(error);
    if ((state.storageError ?? null) !== reason) set({ storageError: reason });
  };

  // Computed in slices: on a 5,000-member org one go would block the console for a long task.
  // Slices are time-boxed (small member batches, a real pause only when the budget is spent) and
  // the listeners get a task of their own, apart from the findings step.
  let started = 0;
  let newestShown = 0;
  /** The snapshot of the latest show: what new thresholds are applied to. */
  let newest: { snapshot: OrgSnapshot; fromCache: boolean; readStartedAt: number | null } | null = null;
  const show = async (snapshot: OrgSnapshot, fromCache: boolean, readStartedAt: number | null) => {
    const order = ++started;
    newest = { snapshot, fromCache, readStartedAt };
    const options = { ...findingOptions, now: new Date().toISOString() };
    // An org with custom roles needs the union engine for its findings and badges: loaded (once) before
    // anything of this snapshot is shown. Until then the rows say they are being read.
    const permissions = await accessPermissionsFor(snapshot);
    // The rows on screen get their badges from the preview, before the whole org is computed. Its
    // indexes and the badges each get a task of their own, apart from the one that received the snapshot.
    await yieldToPage();
    const preview = createAccessPreview(snapshot, options, permissions);
    await yieldToPage();
    if (order === started) set({ preview: { access: preview, fromCache }, ...(permissions ? { permissions } : {}) });
    let sliceStart = performance.now();
    // The engine pauses after every slice of members (access, then findings): yield once the budget is spent.
    const pause = async () => {
      if (performance.now() - sliceStart < SLICE_BUDGET_MS) return;
      await yieldToPage();
      sliceStart = performance.now();
    };
    const report = await computeAccessReportInSlices(snapshot, options, { sliceSize: SLICE_SIZE, pause, preview }, permissions);
    await yieldToPage();
    // Never over a newer snapshot's report; a newer snapshot's preview, if one came meanwhile, stays.
    if (order < newestShown) return;
    newestShown = order;
    set({ snapshot, report, fromCache, readStartedAt, preview: state.preview?.access === preview ? null : state.preview, ...(permissions ? { permissions } : {}) });
  };

  /** One read of the org; `stop`: the page went, or a newer read replaced this one (it then shows and caches nothing more). */
  async function read(startedAt: number, stop: AbortSignal): Promise<void> {
    set({ status: state.snapshot ? 'refreshing' : 'loading' });
    try {
      const client = createConsoleClient({ origin: location.origin, orgUrl: page.location.orgUrl, signal: stop, fetch: fetchNotingOwn });
      // The org id of the data in hand lets OrgData go out with the rest (read-org.ts checks it).
      const snapshot = await readOrgSnapshot(client, { signal: stop, pause: yieldToPage, knownOrgId: state.snapshot?.org.id ?? null });
      if (stop.aborted) return;
      await show(snapshot, false, startedAt);
      if (stop.aborted) return;
      set({ status: 'ready', error: null });
      // In parts, each in a task of its own (snapshot-upload.ts).
      await putSnapshot(orgKey, snapshot, yieldToPage).then(
        () => storageFailed(null),
        (error: unknown) => {
          console.warn('[Admin Lens] could not cache the snapshot', error);
          storageFailed(error);
        },
      );
    } catch (error) {
      if (stop.aborted) return;
      set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  }

  async function start(): Promise<void> {
    let cached: Awaited<CachedAnswer> = null;
    try {
      cached = await (takePrefetched(orgKey) ?? sendRequest({ type: 'snapshot-get', orgKey }));
    } catch (error) {
      console.warn('[Admin Lens] no cached snapshot', error);
      storageFailed(error);
    }
    // A cached snapshot that cannot be shown (the union engine did not load) is no storage failure:
    // the fresh read below tries again and says what failed.
    if (cached && !state.snapshot) await show(cached.snapshot, true, null).catch((error: unknown) => console.warn('[Admin Lens] the cached snapshot could not be shown', error));
    await refresh();
  }

  let inFlightSince = 0;
  /** The one read queued to start when the one in flight ends; every refresh asked meanwhile shares it. */
  let queued: Promise<void> | null = null;

  /** Stops the read in flight and starts one now that its waiters get instead; null while none is in flight. */
  let replaceInFlight: (() => Promise<void>) | null = null;

  function startRead(): Promise<void> {
    inFlightSince = Date.now();
    const stop = new AbortController();
    const pageGone = () => stop.abort();
    signal.addEventListener('abort', pageGone, { once: true });
    let replacement: Promise<void> | null = null;
    let replaceWith!: (replacement: Promise<void>) => void;
    // Settles with the read that replaced this one, if one did, as soon as that one ends.
    const replaced = new Promise<void>((resolve) => (replaceWith = resolve));
    // A stopped read ends early: its waiters wait for the one that replaced it.
    const own = read(inFlightSince, stop.signal)
      .finally(() => signal.removeEventListener('abort', pageGone))
      .then(() => replacement ?? undefined);
    const reading: Promise<void> = Promise.race([own, replaced]).finally(() => {
      if (inFlight === reading) {
        inFlight = null;
        replaceInFlight = null;
      }
    });
    inFlight = reading;
    replaceInFlight = () => {
      stop.abort();
      const next = startRead();
      replacement = next;
      replaceWith(next);
      return next;
    };
    return reading;
  }

  /**
   * A read that starts after this call: a refresh is asked because something just changed (invites
   * sent, a member removed), which a read already in flight may have missed. So during a read one
   * follow-up is queued to start when it ends, shared by every refresh asked meanwhile.
   */
  function refresh(): Promise<void> {
    if (queued) return queued;
    if (!inFlight) return startRead();
    const next = () => {
      queued = null;
      return startRead();
    };
    queued = inFlight.then(next, next);
    return queued;
  }

  async function readSince(since: number): Promise<void> {
    if (inFlight && inFlightSince >= since) return inFlight;
    if (!inFlight && state.status === 'ready' && !state.fromCache && (state.readStartedAt ?? -Infinity) >= since) return;
    // A read in flight that started earlier cannot serve (a removal dialog opened just after the
    // last one closed, whose outcome that read is for): rather than wait for its end to start
    // another, it stops and a read starts now, which serves its waiters too (they asked before it).
    if (inFlight && !queued && replaceInFlight) return replaceInFlight();
    return refresh();
  }

  async function countContentOf(people: readonly { id: string; email: string }[]) {
    const client = createConsoleClient({ origin: location.origin, orgUrl: page.location.orgUrl, signal, fetch: fetchNotingOwn });
    const orgId = state.snapshot?.org.id;
    if (orgId !== undefined) client.setOrgId(orgId);
    const counted = new Map<string, OwnedContent | { error: string }>();
    await Promise.all(
      people.map(async (person) => {
        try {
          counted.set(person.id, await readOwnedContent(client, person.email));
        } catch (error) {
          counted.set(person.id, { error: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
    return counted;
  }

  void start();
  signal.addEventListener('abort', () => listeners.clear(), { once: true });

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    refresh,
    readSince,
    countContent: countContentOf,
    setFindingOptions(options) {
      findingOptions = options;
      if (newest && !signal.aborted) void show(newest.snapshot, newest.fromCache, newest.readStartedAt);
    },
  };
}
