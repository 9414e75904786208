/**
 * Opens and closes the access hygiene report under the summary panel. The report's own file loads
 * on the first open (hygiene-report-file.ts); this side only places it, feeds it the org's data
 * and the two thresholds from the settings, and reads what each joined person owns (the content
 * search, a few people at a time) for the content column and the activity proxy.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_STALE_INVITE_DAYS } from '@/utils/access/findings';
import type { OrgSnapshot } from '@/utils/access/model';
import type { ContentRead } from '@/utils/hygiene/activity';
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

    // What each joined person owns, read once per snapshot (a refresh reads it again).
    let contentFor: OrgSnapshot | null = null;
    const readContent = async (snapshot: OrgSnapshot) => {
      contentFor = snapshot;
      const people = snapshot.members.filter((member) => member.status === 'joined');
      const content = new Map<string, ContentRead>();
      set({ content: null, contentProgress: { done: 0, total: people.length } });
      for (let start = 0; start < people.length; start += CONTENT_READS_AT_ONCE) {
        const counted = await orgData.countContent(people.slice(start, start + CONTENT_READS_AT_ONCE));
        if (own.signal.aborted || contentFor !== snapshot) return;
        for (const [id, read] of counted) content.set(id, 'error' in read ? { ok: false, reason: read.error } : { ok: true, ...read });
        set({ content: new Map(content), contentProgress: { done: content.size, total: people.length } });
      }
      set({ contentProgress: null });
    };

    const unsubscribe = orgData.subscribe((state) => {
      set({ snapshot: state.snapshot, report: state.report, error: state.status === 'error' ? state.error : null });
      if (state.snapshot && state.report && !state.fromCache && state.snapshot !== contentFor) void readContent(state.snapshot);
    });
    const unwatch = watchSettings((next) => set(thresholds(next)));
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
