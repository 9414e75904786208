/**
 * Bulk invite, input and preview: a "Bulk invite from CSV" button next to the console's "Invite New
 * Users" button (utils/amplitude/bulk-invite-anchor.ts) opens a panel to paste, drop or pick a CSV,
 * validated against the org snapshot, with counts, per-row errors, the errors download and the
 * planned batches. Running the invites is not part of this feature. When the console's button is
 * missing, our button sits at the end of the heading's section and says which landmark it did not find.
 */
import { render } from 'preact';
import type { Feature } from '@/utils/features/registry';
import { BulkInvitePanel } from '@/components/BulkInvitePanel';
import { findInviteButton, INVITE_BUTTON_TEXT } from '@/utils/amplitude/bulk-invite-anchor';
import { downloadText } from '@/utils/download';
import type { InviteLogic } from '@/utils/invite/logic';
import { loadInviteLogic } from '@/utils/invite/load-logic';
import type { MembersContext } from './context';
import type { OrgDataState } from './org-data';
import './bulk-invite-panel.css';

const CSV_TYPE = 'text/csv;charset=utf-8';

export const bulkInvitePanel: Feature<MembersContext> = {
  id: 'bulk-invite-panel',
  async init({ ctx, page, orgData }, signal) {
    let state: OrgDataState = orgData.get();
    let container: HTMLElement | null = null;
    let inviteButton = findInviteButton();
    let logic: InviteLogic | null = null;
    let logicError: string | null = null;
    const ensureLogic = () => {
      if (logic) return;
      loadInviteLogic().then(
        (loaded) => {
          logic = loaded;
          logicError = null;
          draw();
        },
        (error: unknown) => {
          logicError = error instanceof Error ? error.message : String(error);
          draw();
        },
      );
    };
    const note = () => (inviteButton ? null : `Admin Lens did not find the console's "${INVITE_BUTTON_TEXT}" button, so this button sits at the end of the page section.`);

    const draw = () => {
      if (!container || signal.aborted) return;
      const host = container;
      render(
        <BulkInvitePanel
          snapshot={state.snapshot}
          logic={logic}
          logicError={logicError}
          onOpen={ensureLogic}
          landmarkNote={note()}
          onDownloadTemplate={() => {
            if (logic) downloadText('invite-template.csv', logic.templateCsv(state.snapshot ?? undefined), CSV_TYPE, host);
          }}
          onDownloadErrors={(parsed, result) => {
            if (!logic) return;
            downloadText(logic.resultsFileName(page.location.orgUrl, new Date(), 'errors'), logic.validationCsv(parsed.headers, result.rows, { onlyProblems: true }), CSV_TYPE, host);
          }}
        />,
        host,
      );
    };

    const place = (root: Element) => {
      if (inviteButton) inviteButton.after(root);
      // At the end of the heading's section, so what other features place after the heading stays put.
      else if (page.heading.parentElement) page.heading.parentElement.append(root);
      else page.heading.after(root);
    };

    const ui = await createShadowRootUi(ctx, {
      name: 'admin-lens-bulk-invite',
      position: 'inline',
      anchor: () => inviteButton ?? page.heading,
      append: (_anchor, root) => place(root),
      onMount(uiContainer) {
        container = uiContainer;
        uiContainer.style.display = 'inline-block';
        draw();
        return uiContainer;
      },
      onRemove(uiContainer) {
        if (uiContainer) render(null, uiContainer);
        container = null;
      },
    });
    if (signal.aborted) return;
    ui.mount();
    ui.shadowHost.style.display = 'inline-block';
    ui.shadowHost.style.marginLeft = '8px';

    const unsubscribe = orgData.subscribe((next) => {
      const hadSnapshot = state.snapshot;
      state = next;
      if (next.snapshot !== hadSnapshot) draw();
    });

    // The console may render its button late or re-render the toolbar: put ours back next to it.
    let scheduled = 0;
    const check = () => {
      scheduled = 0;
      if (inviteButton?.isConnected && ui.shadowHost.previousElementSibling === inviteButton) return;
      const found = findInviteButton();
      if (found) {
        const hadNote = !inviteButton;
        inviteButton = found;
        found.after(ui.shadowHost);
        if (hadNote) draw();
      } else if (!ui.shadowHost.isConnected && !inviteButton) {
        place(ui.shadowHost);
      }
      // Else the console's button is gone (another tab): ours waits, detached, for it to come back.
    };
    const observer = new MutationObserver((records) => {
      if (records.every((record) => record.target === ui.shadowHost || ui.shadowHost.contains(record.target as Node))) return;
      scheduled ||= requestAnimationFrame(check);
    });
    observer.observe(page.heading.closest('main') ?? document.body, { childList: true, subtree: true });

    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        if (scheduled) cancelAnimationFrame(scheduled);
        unsubscribe();
        ui.remove();
      },
      { once: true },
    );
  },
};
