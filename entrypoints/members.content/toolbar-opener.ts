/**
 * The shadow-root host of a toolbar opener of ours (bulk invite, offboarding): placed right after
 * something in the console's toolbar (its "Invite New Users" button, or another opener of ours),
 * at the end of the heading's section when that is missing, and put back whenever the console
 * re-renders its toolbar. Holds two elements: the opener (drawn by the page's file) and the dialog
 * (drawn by the feature's on-demand file, with its own styles). One helper for every opener, so
 * they place and follow the toolbar the same way.
 */
import { inviteButtonWatchRoot, placeWithoutInviteButton } from '@/utils/amplitude/bulk-invite-anchor';
import type { MembersContext } from './context';
import type { OrgData } from './org-data';
import { createShadowUi } from './shadow-ui';
import { UI_STYLES } from './ui-styles';

export interface ToolbarHosts {
  /** Where the opener's button and notes are drawn. */
  opener: HTMLElement;
  /** Where the dialog is drawn (by the on-demand file, styles included). */
  dialog: HTMLElement;
}

/** What an opener shows, as its feature's on-demand file has it once loaded. */
export interface OpenerView {
  open: boolean;
  /** An unfinished run found on arrival: the text of a button that opens it. */
  resumeOffer: string | null;
  /** Something to know without opening (the run goes on in another tab). */
  notice: string | null;
}

/**
 * What an opener hands its feature's on-demand file on a visit, for the file to take the panel
 * over: the tab's run, the dialog, and what the opener shows (`show`).
 */
export interface PanelShell<Latest> {
  orgUrl: string;
  orgData: OrgData;
  /** Aborted when the visit ends or the feature is switched off. */
  signal: AbortSignal;
  /** Where the dialog is drawn (an element of the opener's shadow root). */
  dialogHost: HTMLElement;
  /** Whether the admin opened the dialog while the file loaded. */
  open: boolean;
  /** The background's latest job of the org, when the opener asked on arrival (else the file asks). */
  latest: Promise<Latest> | null;
  /** What the opener shows from now on. */
  show(view: OpenerView): void;
}

/** The panel, as the on-demand file runs it. */
export interface OpenerPanel {
  setOpen(open: boolean): void;
  /** The opener leaves the page: the dialog goes with it. */
  unmount(): void;
}

export interface ToolbarOpenerOptions {
  /** The host's tag (a custom element name). */
  name: string;
  /** What ours sits right after, when it is in the page. Called on every change of the toolbar. */
  after(): Element | null;
  /**
   * With nothing to sit after, and ours out of the page: whether to go to the end of the heading's
   * section now (else it waits, detached, for its anchor to come back). Default: yes.
   */
  alone?(): boolean;
  /** The hosts exist: draw. */
  onMount(hosts: ToolbarHosts): void;
  /** Ours leaves the page (the visit ended, the feature was switched off): unmount what was drawn. */
  onRemove(hosts: ToolbarHosts): void;
}

/** Mounts the opener's host and keeps it in place until `signal` aborts; null when aborted first. */
export async function mountToolbarOpener({ ctx, page }: Pick<MembersContext, 'ctx' | 'page'>, options: ToolbarOpenerOptions, signal: AbortSignal): Promise<ToolbarHosts | null> {
  const hosts: ToolbarHosts = { opener: document.createElement('div'), dialog: document.createElement('div') };
  hosts.opener.className = hosts.dialog.className = 'al-bi';
  // The last anchor ours was put after: while ours still follows it, nothing is searched again.
  let anchor: Element | null = null;
  const place = (host: Element) => {
    anchor = options.after();
    if (anchor) anchor.after(host);
    else placeWithoutInviteButton(page.heading, host);
  };

  const ui = await createShadowUi(ctx, {
    css: UI_STYLES,
    name: options.name,
    position: 'inline',
    anchor: () => page.heading,
    append: (_anchor, host) => place(host),
    onMount(container) {
      container.append(hosts.opener, hosts.dialog);
      container.style.display = 'inline-block';
      options.onMount(hosts);
      return container;
    },
    onRemove: () => options.onRemove(hosts),
  });
  if (signal.aborted) return null;
  ui.mount();
  const host = ui.shadowHost;
  host.style.display = 'inline-block';
  host.style.marginLeft = '8px';

  // The console may render its toolbar late or again: put ours back right after its anchor.
  let scheduled = 0;
  const check = () => {
    scheduled = 0;
    if (anchor?.isConnected && host.previousElementSibling === anchor) return;
    const found = options.after();
    if (found) {
      anchor = found;
      if (host.previousElementSibling !== found) found.after(host);
    } else if (!host.isConnected && (options.alone?.() ?? true)) {
      placeWithoutInviteButton(page.heading, host);
    }
  };
  const observer = new MutationObserver((records) => {
    if (records.every((record) => record.target === host || host.contains(record.target as Node))) return;
    scheduled ||= requestAnimationFrame(check);
  });
  observer.observe(inviteButtonWatchRoot(page.heading), { childList: true, subtree: true });

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (scheduled) cancelAnimationFrame(scheduled);
      ui.remove();
    },
    { once: true },
  );
  return hosts;
}
