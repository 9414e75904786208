/**
 * The removal guard's last line: when the extension is updated or reloaded while a tab stays open,
 * the running content script loses its extension (no messages, no audit log, no settings) and every
 * feature stops. Without this, the next "Remove Members?" in that tab would go through unguarded.
 *
 * Installed once when the content script starts, on no AbortSignal: its listeners outlive the
 * features. While the guard runs it does nothing (the removal guard decides). Before the guard's
 * file has loaded, if it failed to load, or once the extension is gone (and no newer copy of the
 * content script runs in the page), it holds every confirm of a removal dialog and says why, with
 * a reload and an explicit "Remove without the guard".
 * Everything it shows is prepared while the extension is alive (texts) or built from plain DOM.
 */
import { closestRemoveDialog, dialogPortalRoot, findRemoveDialogs, isConfirmAction, mayHoldDialog, removeDialogParts } from '@/utils/amplitude/remove-dialog';
import { t } from '@/utils/i18n';
import { extensionAlive } from './extension-alive';
import { showPlainNotice } from './plain-notice';

const INSTANCE_ATTRIBUTE = 'data-admin-lens-instance';
const NOTICE_MARK = 'removal-guard-updated';
const CONFIRM_EVENTS = ['pointerdown', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'keydown', 'keyup', 'submit'] as const;

/**
 * Where the removal guard's own code stands: loading (the Members page's file is on its way, see
 * members-page-file.ts), running, or failed to load. Anything but running is held like a missing guard.
 */
export type GuardState = 'loading' | 'running' | 'failed';

export interface RemovalFallback {
  /** Whether the removal guard is switched on (settings): only then does the fallback stand in for it. On until told otherwise. */
  setArmed(armed: boolean): void;
  setGuardState(state: GuardState): void;
}


export function installRemovalFallback(doc: Document = document): RemovalFallback {
  const instance = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  doc.documentElement.setAttribute(INSTANCE_ATTRIBUTE, instance);
  // Read while the extension is alive: afterwards its messages may be out of reach.
  const texts = {
    label: t('rgLabel'),
    updated: t('rgUpdated'),
    loading: t('rgStarting'),
    failed: t('rgStartFailed'),
    reload: t('rgUpdatedReload'),
    bypass: t('rgUpdatedBypass'),
  };
  // Fail closed: on until the settings say the guard is switched off.
  let armed = true;
  let guard: GuardState = 'loading';
  let passing = false;

  /** Why the fallback holds removals now, or null when the guard itself is in charge (or switched off). */
  const holding = (): 'updated' | 'loading' | 'failed' | null => {
    if (!armed || doc.documentElement.getAttribute(INSTANCE_ATTRIBUTE) !== instance) return null;
    if (!extensionAlive()) return 'updated';
    return guard === 'running' ? null : guard;
  };
  const inCharge = () => holding() !== null;

  const showNotice = (dialog: HTMLElement) => {
    const reason = holding();
    if (!reason) return;
    const shown = dialog.querySelector(`[data-admin-lens="${NOTICE_MARK}"]`);
    if (shown?.getAttribute('data-reason') === reason) return;
    const parts = removeDialogParts(dialog);
    const notice = showPlainNotice({
      container: dialog,
      anchor: parts.list,
      mark: NOTICE_MARK,
      label: texts.label,
      message: texts[reason],
      actions: [
        // Still loading: the guard is a moment away, a reload would only start over.
        ...(reason === 'loading' ? [] : [{ label: texts.reload, kind: 'primary' as const, onPress: () => doc.defaultView?.location.reload() }]),
        {
          label: texts.bypass,
          kind: 'danger',
          onPress: () => {
            const confirm = removeDialogParts(dialog).confirm;
            if (!confirm) return;
            passing = true;
            try {
              confirm.click();
            } finally {
              passing = false;
            }
          },
        },
      ],
    });
    notice.host.setAttribute('data-reason', reason);
  };

  const onConfirmEvent = (event: Event) => {
    if (passing || !inCharge()) return;
    const target = event.target;
    if (target instanceof Element && target.closest('[data-admin-lens]')) return;
    const dialog = closestRemoveDialog(target);
    if (!dialog || !isConfirmAction(event, dialog)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    showNotice(dialog);
  };

  const view = doc.defaultView ?? window;
  for (const type of CONFIRM_EVENTS) view.addEventListener(type, onConfirmEvent, { capture: true });
  // Say it as soon as a removal dialog opens, not only when Remove is pressed.
  // While the guard's file is still loading, only a pressed Remove is answered (it is a moment away).
  const observer = new MutationObserver((mutations) => {
    const reason = holding();
    if (!reason || reason === 'loading' || !mutations.some((mutation) => [...mutation.addedNodes].some(mayHoldDialog))) return;
    for (const dialog of findRemoveDialogs(doc)) showNotice(dialog);
  });
  observer.observe(dialogPortalRoot(doc), { childList: true });

  /** The guard took over (or was switched off): our notices would only be in its way. */
  const clearNotices = () => {
    if (inCharge()) return;
    for (const notice of doc.querySelectorAll(`[data-admin-lens="${NOTICE_MARK}"]`)) notice.remove();
  };

  return {
    setArmed(next) {
      armed = next;
      clearNotices();
    },
    setGuardState(next) {
      guard = next;
      clearNotices();
    },
  };
}
