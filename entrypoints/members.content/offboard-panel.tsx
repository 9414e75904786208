/**
 * Offboarding's opener: an "Offboard from CSV" button beside the bulk-invite opener (after the
 * console's "Invite New Users"; placed by toolbar-opener.ts), with the offer to resume a run that
 * a reload, a closed tab or a crash cut short; and `openOffboarding`, for the hygiene report to
 * start from people chosen there.
 *
 * Everything else (the dialog, the run through the console's own "Remove Members?" dialog, the
 * tab's run that outlives a visit) is the offboarding file (offboard-logic-file.ts,
 * offboard-controller.tsx), loaded when the admin opens the dialog, or at once when it is here
 * already (a run of this tab may be going on): from then on it says what this opener shows.
 */
import { render } from 'preact';
import type { Feature } from '@/utils/features/registry';
import { ToolbarOpener } from '@/components/ToolbarOpener';
import { findInviteButton } from '@/utils/amplitude/bulk-invite-anchor';
import { sendRequest } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import type { MembersContext } from './context';
import { loadOffboardLogic, offboardLogicLoaded, type OffboardPanel } from './offboard-logic-file';
import { offboardRunOffer } from './offboard-offer';
import { mountToolbarOpener, type OpenerView } from './toolbar-opener';

const BULK_INVITE_HOST = 'admin-lens-bulk-invite';

/** Whoever shows the dialog now (one visit at a time): `openOffboarding` goes through it. */
let opener: ((emails: readonly string[]) => void) | null = null;

/**
 * Opens the offboarding dialog, with these people listed when given (one row each, `transfer_to`
 * left for the admin to fill in). For the hygiene report's "Offboard selected". False when the
 * Members page (with this feature) is not shown.
 */
export function openOffboarding(initialEmails: readonly string[] = []): boolean {
  if (!opener) return false;
  opener(initialEmails);
  return true;
}

/** Whether `openOffboarding` would open the dialog (the feature runs on this page). */
export const offboardingAvailable = (): boolean => opener !== null;

export const offboardPanel: Feature<MembersContext> = {
  id: 'offboarding',
  usesThresholds: false,
  async init({ ctx, page, orgData }, signal) {
    const orgUrl = page.location.orgUrl;
    let view: OpenerView = { open: false, resumeOffer: null, notice: null };
    let panel: OffboardPanel | null = null;
    let loading = false;
    let loadError: string | null = null;
    /** People the hygiene report asked for while the file loaded: listed once it is here. */
    let pendingEmails: readonly string[] | null = null;
    let openerHost: HTMLElement | null = null;
    let dialogHost: HTMLElement | null = null;

    // The run the background kept (a reload or closed tab cut it short, or another tab runs it),
    // said without loading the file; when the file is here already, it knows this tab's run and asks itself.
    const latest = offboardLogicLoaded() ? null : sendRequest({ type: 'offboard-job-latest', orgUrl });
    latest?.then(
      (found) => {
        const offer = offboardRunOffer(found);
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
      loadOffboardLogic()
        .finally(() => (loading = false))
        .then(
          (file) => {
            if (signal.aborted || !dialogHost) return;
            loadError = null;
            panel = file.startPanel({ orgUrl, orgData, signal, dialogHost, open: view.open, latest, show });
            if (pendingEmails) panel.openWith(pendingEmails);
            pendingEmails = null;
          },
          (error: unknown) => {
            loadError = error instanceof Error ? error.message : String(error);
            draw();
          },
        );
    };
    /** What the offboarding file says. */
    const show = (next: OpenerView) => {
      view = next;
      draw();
    };
    const setOpen = (next: boolean) => {
      if (panel) return panel.setOpen(next);
      view = { ...view, open: next };
      if (next) load();
      draw();
    };
    opener = (emails) => {
      if (panel) return panel.openWith(emails);
      if (emails.length > 0) pendingEmails = emails;
      setOpen(true);
    };

    const draw = () => {
      if (!openerHost || signal.aborted) return;
      render(
        <ToolbarOpener
          label={t('obTitle')}
          kind="al-ob-opener"
          open={view.open}
          onToggle={() => setOpen(!view.open)}
          resumeOffer={view.resumeOffer}
          // While open, the dialog says it.
          notice={view.open ? null : view.notice}
          loadError={loadError}
          loading={loading}
        />,
        openerHost,
      );
    };

    signal.addEventListener('abort', () => (opener = null), { once: true });
    await mountToolbarOpener(
      { ctx, page },
      {
        name: 'admin-lens-offboarding',
        // After the bulk-invite opener when it is there, else after the console's invite button, else at the end of the heading's section.
        after: () => document.querySelector(BULK_INVITE_HOST) ?? findInviteButton(),
        onMount(mounted) {
          openerHost = mounted.opener;
          dialogHost = mounted.dialog;
          draw();
          // Opened before ours was in the page, or the file is here already (a run of this tab may be going on): shown at once.
          if (view.open || offboardLogicLoaded()) load();
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
