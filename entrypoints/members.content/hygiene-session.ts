/**
 * The access hygiene report while it is open (part of the on-demand hygiene-report.js, never of
 * members-page.js): placed under the summary panel, fed the org's data and the two thresholds from
 * the settings, and what people own (the content search, a few people at a time) for the content
 * column and the activity proxy: only for the people the report lists, or for everyone joined when
 * content is the only activity data (content-scope.ts); new thresholds that list more people read
 * theirs too.
 */
import { DEFAULT_STALE_INVITE_DAYS } from '@/utils/access/findings';
import type { OrgSnapshot } from '@/utils/access/model';
import type { ContentRead } from '@/utils/hygiene/activity';
import { contentScope, type ContentScope } from '@/utils/hygiene/content-scope';
import { DEFAULT_INACTIVE_DAYS } from '@/utils/settings/constants';
import { readSettings, type StoredSettings, watchSettings } from '@/utils/settings/read';
import type { HygieneOpenOptions, HygienePanelInput } from './hygiene-report-file';
import { createShadowUi } from './shadow-ui';

/** People whose content is searched at once (one or five requests each). */
const CONTENT_READS_AT_ONCE = 6;

/** The report drawn into a host (entrypoints/hygiene-report.ts). */
export type MountReport = (host: HTMLElement, input: HygienePanelInput) => { update(input: HygienePanelInput): void; unmount(): void };

const thresholds = (settings: StoredSettings) => ({
  inactiveDays: settings.inactiveDays ?? DEFAULT_INACTIVE_DAYS,
  staleInviteDays: settings.staleInviteDays ?? DEFAULT_STALE_INVITE_DAYS,
});

export async function openHygieneReport(options: HygieneOpenOptions, signal: AbortSignal, mount: MountReport): Promise<void> {
  const { ctx, orgData } = options;
  const settings = thresholds(await readSettings());
  if (signal.aborted) return;
  let input: HygienePanelInput = {
    snapshot: null,
    report: null,
    error: null,
    content: null,
    contentProgress: null,
    contentScope: null,
    ...settings,
    onClose: options.onClose,
    ...options.actions,
  };
  let panel: { update(next: HygienePanelInput): void; unmount(): void } | null = null;
  const set = (patch: Partial<HygienePanelInput>) => {
    input = { ...input, ...patch };
    panel?.update(input);
  };

  const ui = await createShadowUi(ctx, {
    name: 'admin-lens-hygiene',
    position: 'inline',
    anchor: options.anchor,
    append: 'after',
    onMount(container) {
      container.style.margin = '0';
      panel = mount(container, input);
      return container;
    },
    onRemove() {
      panel?.unmount();
      panel = null;
    },
  });
  if (signal.aborted) return;
  ui.mount();

  // What people own, per snapshot (a refresh reads it again): each person once, the people the
  // report needs at the thresholds of the moment (more when a threshold lists more).
  let reading: {
    snapshot: OrgSnapshot;
    content: Map<string, ContentRead>;
    asked: Set<string>;
    queue: { id: string; email: string }[];
    pumping: boolean;
    scope: { key: readonly unknown[]; value: ContentScope } | null;
  } | null = null;

  const plan = () => {
    const { snapshot, report } = input;
    if (!reading || !snapshot || !report || snapshot !== reading.snapshot) return;
    const mine = reading;
    // Worked out again only when what it depends on changed (not after every few people read).
    const key = [report, input.inactiveDays, input.staleInviteDays] as const;
    if (!mine.scope || mine.scope.key.some((value, index) => value !== key[index])) {
      mine.scope = { key, value: contentScope(snapshot, report, { inactiveDays: input.inactiveDays, staleInviteDays: input.staleInviteDays, now: new Date() }) };
    }
    const scope = mine.scope.value;
    for (const person of scope.people) {
      if (mine.asked.has(person.id)) continue;
      mine.asked.add(person.id);
      mine.queue.push(person);
    }
    const done = scope.people.filter((person) => mine.content.has(person.id)).length;
    set({
      content: new Map(mine.content),
      contentScope: { read: scope.people.length, joined: scope.joined, forActivity: scope.forActivity },
      contentProgress: done < scope.people.length ? { done, total: scope.people.length } : null,
    });
    void pump(mine);
  };

  const pump = async (mine: NonNullable<typeof reading>) => {
    if (mine.pumping) return;
    mine.pumping = true;
    try {
      while (mine.queue.length > 0) {
        const counted = await orgData.countContent(mine.queue.splice(0, CONTENT_READS_AT_ONCE));
        if (signal.aborted || reading !== mine) return;
        for (const [id, read] of counted) mine.content.set(id, 'error' in read ? { ok: false, reason: read.error } : { ok: true, ...read });
        plan();
      }
    } finally {
      mine.pumping = false;
    }
  };

  const unsubscribe = orgData.subscribe((state) => {
    set({ snapshot: state.snapshot, report: state.report, error: state.status === 'error' ? state.error : null });
    if (!state.snapshot || !state.report) return;
    if (!state.fromCache && state.snapshot !== reading?.snapshot) {
      reading = { snapshot: state.snapshot, content: new Map(), asked: new Set(), queue: [], pumping: false, scope: null };
      set({ content: null, contentScope: null });
    }
    // A new snapshot, or the same one with new findings: who is listed may have changed.
    plan();
  });
  const unwatch = watchSettings((next) => {
    set(thresholds(next));
    plan();
  });
  signal.addEventListener(
    'abort',
    () => {
      unsubscribe();
      unwatch();
      ui.remove();
    },
    { once: true },
  );
}
