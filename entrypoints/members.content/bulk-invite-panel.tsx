/**
 * Bulk invite's opener: a "Bulk invite from CSV" button next to the console's "Invite New Users"
 * button (utils/amplitude/bulk-invite-anchor.ts, placed by toolbar-opener.ts), with the offer to
 * resume a run a reload or a closed tab cut short. When the console's button is missing, ours sits
 * at the end of the heading's section and says which landmark it did not find.
 *
 * Everything else (the dialog, the CSV tools, the run and its resumption) is the bulk-invite file
 * (invite-logic-file.ts, bulk-invite-controller.tsx), loaded when the admin opens the panel, or at
 * once when it is here already (a run of this tab may be going on): from then on it says what this
 * opener shows. New finding thresholds leave this feature running.
 */
import { render } from 'preact';
import type { Feature } from '@/utils/features/registry';
import { ToolbarOpener } from '@/components/ToolbarOpener';
import { sendRequest } from '@/utils/messaging';
import { findInviteButton, INVITE_BUTTON_TEXT } from '@/utils/amplitude/bulk-invite-anchor';
import { t } from '@/utils/i18n';
import { inviteRunOffer } from './bulk-invite-offer';
import type { MembersContext } from './context';
import { inviteLogicLoaded, loadInviteLogic } from './invite-logic-file';
import { mountToolbarOpener, type OpenerPanel, type OpenerView } from './toolbar-opener';

export const bulkInvitePanel: Feature<MembersContext> = {
  id: 'bulk-invite-panel',
  // Shows no findings: a threshold change must never stop it, nor the run it drives.
  usesThresholds: false,
  async init({ ctx, page, orgData }, signal) {
    const orgUrl = page.location.orgUrl;
    const shownSince = Date.now();
    let inviteButton: Element | null = null;
    let view: OpenerView = { open: false, resumeOffer: null, notice: null };
    let panel: OpenerPanel | null = null;
    let loading = false;
    let loadError: string | null = null;
    let openerHost: HTMLElement | null = null;
    let dialogHost: HTMLElement | null = null;

    // The run the background kept (a reload, a closed tab or a crash cut it short), offered without
    // loading the file; when the file is here already, it knows this tab's run and asks itself.
    const latest = inviteLogicLoaded() ? null : sendRequest({ type: 'invite-job-latest', orgUrl });
    latest?.then(
      (found) => {
        const offer = inviteRunOffer(found);
        if (signal.aborted || panel || !offer) return;
        view = { ...view, resumeOffer: offer.resume, notice: offer.elsewhere };
        draw();
      },
      () => undefined,
    );

    const load = () => {
      if (panel || loading) return;
      loading = true;
      draw();
      loadInviteLogic()
        .finally(() => (loading = false))
        .then(
          (file) => {
            if (signal.aborted || !dialogHost) return;
            loadError = null;
            panel = file.startPanel({ orgUrl, orgData, signal, dialogHost, open: view.open, shownSince, latest, show });
          },
          (error: unknown) => {
            loadError = error instanceof Error ? error.message : String(error);
            draw();
          },
        );
    };
    /** What the bulk-invite file says; closing gives focus back to our button, as a dialog should. */
    const show = (next: OpenerView) => {
      const closed = view.open && !next.open;
      view = next;
      draw();
      if (closed) openerHost?.querySelector<HTMLButtonElement>('.al-bi-opener')?.focus();
    };
    const toggle = () => {
      if (panel) return panel.setOpen(!view.open);
      view = { ...view, open: !view.open };
      if (view.open) load();
      draw();
    };

    const draw = () => {
      if (!openerHost || signal.aborted) return;
      render(
        <ToolbarOpener
          label={t('biTitle')}
          kind="al-bi-opener"
          open={view.open}
          onToggle={toggle}
          resumeOffer={view.resumeOffer}
          notice={view.notice}
          landmarkNote={inviteButton ? null : t('biNoInviteButton', { button: INVITE_BUTTON_TEXT })}
          loadError={loadError}
          loading={loading}
        />,
        openerHost,
      );
    };

    await mountToolbarOpener(
      { ctx, page },
      {
        name: 'admin-lens-bulk-invite',
        after() {
          const found = findInviteButton();
          // Found at last (rendered late): the note about it goes.
          const hadNote = !inviteButton;
          if (found) inviteButton = found;
          if (found && hadNote && openerHost) draw();
          return found;
        },
        // Once the console's button was seen, a toolbar without it (another tab) is waited out, detached.
        alone: () => !inviteButton,
        onMount(mounted) {
          openerHost = mounted.opener;
          dialogHost = mounted.dialog;
          draw();
          // Opened before ours was in the page, or the file is here already (a run of this tab may be going on): shown at once.
          if (view.open || inviteLogicLoaded()) load();
        },
        onRemove(mounted) {
          panel?.unmount();
          render(null, mounted.opener);
          openerHost = dialogHost = null;
        },
      },
      signal,
    );
  },
};
