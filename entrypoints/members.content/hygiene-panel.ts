/**
 * Opens and closes the access hygiene report under the summary panel. The report's own file loads
 * on the first open (hygiene-report-file.ts) and does the rest (hygiene-session.ts): it places the
 * report, feeds it the org's data and the settings' thresholds, and reads what people own.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadHygieneFile, type HygienePanelInput } from './hygiene-report-file';
import type { OrgData } from './org-data';

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

export function hygienePanel(options: HygienePanelOptions, signal: AbortSignal): HygienePanel {
  const { ctx, orgData } = options;
  let session: AbortController | null = null;

  async function open(own: AbortController): Promise<void> {
    const file = await loadHygieneFile();
    if (own.signal.aborted) return;
    await file.open({ ctx, orgData, anchor: options.anchor, onClose: close, actions: options.actions?.() ?? {} }, own.signal);
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
