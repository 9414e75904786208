/**
 * Renders into a node appended at the end of <body>, as the real console does for dropdowns,
 * dialogs and toasts: such content is never inside the element that opened it.
 * The host is attached in a layout effect, so it is in the document before any useEffect of the
 * content runs (a dialog can move focus into itself).
 */
import { useLayoutEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export function Portal({ children }: { children: ReactNode }) {
  const [host] = useState(() => document.createElement('div'));
  useLayoutEffect(() => {
    document.body.append(host);
    return () => host.remove();
  }, [host]);
  return createPortal(children, host);
}
