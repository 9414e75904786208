/**
 * Toasts for results ("Invitations sent to 3 users", failures). They live in one aria-live region
 * at the end of <body>; success toasts go after a few seconds, error toasts stay until dismissed.
 * The same text is never shown twice at once (several requests failing together make one toast).
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { ui } from '../../markup';
import { ActionButton } from './ActionButton';
import { Portal } from './Portal';
import s from '../../styles.module.css';

export type ToastKind = 'success' | 'error';

interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

interface ToastApi {
  success(text: string): void;
  error(text: string): void;
}

const SUCCESS_MS = 6000;

const ToastContext = createContext<ToastApi | null>(null);

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts outside ToastProvider');
  return api;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);

  const show = useCallback(
    (kind: ToastKind, text: string) => {
      const id = nextId.current++;
      setToasts((current) => (current.some((toast) => toast.text === text) ? current : [...current, { id, kind, text }]));
      if (kind === 'success') window.setTimeout(() => dismiss(id), SUCCESS_MS);
    },
    [dismiss],
  );

  const api = useMemo<ToastApi>(() => ({ success: (text) => show('success', text), error: (text) => show('error', text) }), [show]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <Portal>
        <div className={s.toastRegion} role="region" aria-label={ui('Notifications')} aria-live="polite">
          {toasts.map((toast) => (
            <div key={toast.id} role={toast.kind === 'error' ? 'alert' : 'status'} className={toast.kind === 'error' ? s.toastError : s.toast}>
              <span>{toast.text}</span>
              <ActionButton className={s.toastDismiss} aria-label={ui('Dismiss notification')} onClick={() => dismiss(toast.id)}>
                ×
              </ActionButton>
            </div>
          ))}
        </div>
      </Portal>
    </ToastContext.Provider>
  );
}
