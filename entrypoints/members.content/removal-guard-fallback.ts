/**
 * The removal guard's last line: when the extension is updated or reloaded while a tab stays open,
 * the running content script loses its extension (no messages, no audit log, no settings) and every
 * feature stops. Without this, the next "Remove Members?" in that tab would go through unguarded.
 *
 * Installed once when the content script starts, on no AbortSignal: its listeners outlive the
 * features. While the extension is alive it does nothing (the removal guard decides). Once the
 * extension is gone, and no newer copy of the content script runs in the page, it holds every
 * confirm of a removal dialog and says so, with a reload and an explicit "Remove without the guard".
 * Everything it shows is prepared while the extension is alive (texts) or built from plain DOM.
 */
import { browser } from 'wxt/browser';
import { closestRemoveDialog, dialogPortalRoot, findRemoveDialogs, isConfirmAction, mayHoldDialog, removeDialogParts } from '@/utils/amplitude/remove-dialog';
import { t } from '@/utils/i18n';
import { showPlainNotice } from './plain-notice';

const INSTANCE_ATTRIBUTE = 'data-admin-lens-instance';
const NOTICE_MARK = 'removal-guard-updated';
const CONFIRM_EVENTS = ['pointerdown', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'keydown', 'keyup', 'submit'] as const;

export interface RemovalFallback {
  /** Whether the removal guard is switched on (settings): only then does the fallback stand in for it. */
  setArmed(armed: boolean): void;
}

/** The extension behind this content script still answers (false once it was updated, reloaded or removed). */
function extensionAlive(): boolean {
  try {
    return typeof browser.runtime?.id === 'string';
  } catch {
    return false;
  }
}

export function installRemovalFallback(doc: Document = document): RemovalFallback {
  const instance = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  doc.documentElement.setAttribute(INSTANCE_ATTRIBUTE, instance);
  // Read while the extension is alive: afterwards its messages may be out of reach.
  const texts = {
    label: t('rgLabel'),
    message: t('rgUpdated'),
    reload: t('rgUpdatedReload'),
    bypass: t('rgUpdatedBypass'),
  };
  let armed = false;
  let passing = false;

  const inCharge = () => armed && !extensionAlive() && doc.documentElement.getAttribute(INSTANCE_ATTRIBUTE) === instance;

  const showNotice = (dialog: HTMLElement) => {
    if (dialog.querySelector(`[data-admin-lens="${NOTICE_MARK}"]`)) return;
    const parts = removeDialogParts(dialog);
    showPlainNotice({
      container: dialog,
      anchor: parts.list,
      mark: NOTICE_MARK,
      label: texts.label,
      message: texts.message,
      actions: [
        { label: texts.reload, kind: 'primary', onPress: () => doc.defaultView?.location.reload() },
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
  const observer = new MutationObserver((mutations) => {
    if (!inCharge() || !mutations.some((mutation) => [...mutation.addedNodes].some(mayHoldDialog))) return;
    for (const dialog of findRemoveDialogs(doc)) showNotice(dialog);
  });
  observer.observe(dialogPortalRoot(doc), { childList: true });

  return {
    setArmed(next) {
      armed = next;
    },
  };
}
