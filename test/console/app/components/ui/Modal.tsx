/**
 * A modal dialog: role=dialog, aria-modal, labelled by its title, in a portal at the end of <body>,
 * fading in and out (~150 ms, then unmounted). Focus moves in on open, Tab cycles inside, Escape
 * closes (unless a dropdown inside used it), and focus returns to where it was on close.
 * `variant="panel"` slides in from the right (the group pane).
 *
 * Markup flags (shared/markup.ts): `dialogName: heading` drops aria-labelledby (the title is only
 * the h2 inside); `confirmDialogRole: alertdialog` gives confirmation dialogs that role. Titles
 * come in already cased by the caller (a group pane's title is data).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { markup, ui } from '../../markup';
import { ActionButton } from './ActionButton';
import { Portal } from './Portal';
import { useMountTransition } from './useMountTransition';
import s from '../../styles.module.css';

/** Open dialogs, innermost last: only the innermost answers Escape. */
const openDialogs: string[] = [];

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0);
}

/** Keeps Tab and Shift+Tab inside the dialog. */
function trapTab(event: KeyboardEvent, dialog: HTMLElement): void {
  const items = focusables(dialog);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const inside = dialog.contains(document.activeElement);
  if (!inside) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  } else if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

export interface ModalProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  variant?: 'dialog' | 'panel';
  size?: 'small' | 'medium' | 'large';
  /** Escape and the close button do nothing (e.g. while a request runs). */
  busy?: boolean;
  /** A confirmation ("Remove Members?"): role=alertdialog with the `confirmDialogRole` flag. */
  confirmation?: boolean;
}

export function Modal(props: ModalProps) {
  const { mounted, phase } = useMountTransition(props.open);
  if (!mounted) return null;
  return <ModalFrame {...props} phase={phase} />;
}

function ModalFrame({ phase, ...props }: ModalProps & { phase: string }) {
  const titleId = useId();
  const dialogId = useId();
  const dialogRef = useRef<HTMLDivElement | null>(null);
  const onCloseRef = useRef(props.onClose);
  onCloseRef.current = props.busy ? () => undefined : props.onClose;

  // Focus in on open, back out on close.
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = dialogRef.current;
    if (dialog) {
      const preferred = dialog.querySelector<HTMLElement>('[data-autofocus]');
      (preferred ?? focusables(dialog).find((element) => element.getAttribute('aria-label') !== ui('Close')) ?? dialog).focus();
    }
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  // Only the innermost dialog answers the keyboard: Escape closes it (unless a dropdown inside it
  // already used the key), and Tab cycles through it, even when focus was lost to <body>
  // (e.g. the focused element was removed).
  useEffect(() => {
    openDialogs.push(dialogId);
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const dialog = dialogRef.current;
      if (event.defaultPrevented || openDialogs[openDialogs.length - 1] !== dialogId || !dialog) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        onCloseRef.current();
      } else if (event.key === 'Tab') {
        trapTab(event, dialog);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      openDialogs.splice(openDialogs.indexOf(dialogId), 1);
    };
  }, [dialogId]);

  const variant = props.variant ?? 'dialog';
  return (
    <Portal>
      <div className={variant === 'panel' ? s.panelBackdrop : s.backdrop} data-state={phase}>
        <div
          ref={dialogRef}
          role={props.confirmation && markup.confirmDialogRole === 'alertdialog' ? 'alertdialog' : 'dialog'}
          aria-modal="true"
          aria-labelledby={markup.dialogName === 'labelledby' ? titleId : undefined}
          tabIndex={-1}
          data-state={phase}
          className={[variant === 'panel' ? s.panel : s.dialog, s[`size_${props.size ?? 'medium'}`] ?? ''].join(' ')}
        >
          <header className={s.dialogHeader}>
            <h2 id={titleId} className={s.dialogTitle}>
              {props.title}
            </h2>
            <ActionButton aria-label={ui('Close')} className={s.iconButton} disabled={props.busy} onClick={() => onCloseRef.current()}>
              ×
            </ActionButton>
          </header>
          <div className={s.dialogBody}>{props.children}</div>
          {props.footer ? <footer className={s.dialogFooter}>{props.footer}</footer> : null}
        </div>
      </div>
    </Portal>
  );
}
