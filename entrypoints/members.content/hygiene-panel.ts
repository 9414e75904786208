/**
 * Opens and closes the access hygiene report under the summary panel. The report's own file loads
 * on the first open (hygiene-report-file.ts); this side only places it, feeds it the org's data
 * and the two thresholds from the settings, and reads what people own (the content search, a few
 * people at a time) for the content column and the activity proxy: only for the people the report
 * lists, or for everyone joined when content is the only activity data (content-scope.ts); new
 * thresholds that list more people read theirs too.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_STALE_INVITE_DAYS } from '@/utils/access/findings';
import type { OrgSnapshot } from '@/utils/access/model';
import type { ContentRead } from '@/utils/hygiene/activity';
import type { ContentScope } from '@/utils/hygiene/content-scope';
import { DEFAULT_INACTIVE_DAYS } from '@/utils/settings/constants';
import { readSettings, type StoredSettings, watchSettings } from '@/utils/settings/read';
import { loadHygieneFile, type HygienePanelInput } from './hygiene-report-file';
import type { OrgData } from './org-data';
import { createShadowUi } from './shadow-ui';

/** People whose content is searched at once (one or five requests each). */
const CONTENT_READS_AT_ONCE = 6;

export interface HygienePanelOptions {
  ctx: ContentScriptContext;
  orgData: OrgData;
  /** The summary panel's host: the report sits right after it. */
  anchor(): Element;
  /** Called when the panel opens, closes or fails to load (the summary's button follows it). */
  onChange(state: { open: boolean; error: string | null }): void;
  /**
   * The actions the report offers (offboarding, changing an email: features of their own, each
   * switchable), asked each time the report opens: an action missing then is not offered.
   */
  actions?(): Pick<HygienePanelInput, 'onOffboard' | 'onChangeEmail'>;
}

export interface HygienePanel {
  toggle(): void;
  close(): void;
}

const thresholds = (settings: StoredSettings) => ({
  inactiveDays: settings.inactiveDays ?? DEFAULT_INACTIVE_DAYS,
  staleInviteDays: settings.staleInviteDays ?? DEFAULT_STALE_INVITE_DAYS,
});

export function hygienePanel(options: HygienePanelOptions, signal: AbortSignal): HygienePanel {
  const { ctx, orgData } = options;
  let session: AbortController | null = null;

  async function open(own: AbortController): Promise<void> {
    const file = await loadHygieneFile();
    const settings = thresholds(await readSettings());
    if (own.signal.aborted) return;
    let input: HygienePanelInput = {
      snapshot: null,
      report: null,
      error: null,
      content: null,
      contentProgress: null,
      contentScope: null,
      ...settings,
      onClose: close,
      ...options.actions?.(),
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
        panel = file.mount(container, input);
        return container;
      },
      onRemove() {
        panel?.unmount();
        panel = null;
      },
    });
    if (own.signal.aborted) return;
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
        mine.scope = { key, value: file.contentScope(snapshot, report, { inactiveDays: input.inactiveDays, staleInviteDays: input.staleInviteDays, now: new Date() }) };
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
          if (own.signal.aborted || reading !== mine) return;
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
    own.signal.addEventListener(
      'abort',
      () => {
        unsubscribe();
        unwatch();
        ui.remove();
      },
      { once: true },
    );
  }

  function close(): void {
    session?.abort();
    session = null;
    options.onChange({ open: false, error: null });
  }

  signal.addEventListener('abort', () => session?.abort(), { once: true });

  return {
    toggle() {
      if (session) return close();
      const own = (session = new AbortController());
      options.onChange({ open: true, error: null });
      open(own).catch((error: unknown) => {
        if (own.signal.aborted) return;
        own.abort();
        session = null;
        options.onChange({ open: false, error: error instanceof Error ? error.message : String(error) });
      });
    },
    close,
  };
}
