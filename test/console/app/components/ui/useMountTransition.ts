/**
 * Keeps something mounted while it animates out: `open` true mounts it in the "entering" phase and
 * moves to "open" on the next frame (so the CSS transition runs); `open` false moves to "exiting"
 * and unmounts after the transition. Like the real console, a closing dialog is still in the DOM
 * for a moment, which is exactly what a driver of the page must cope with.
 */
import { useEffect, useState } from 'react';

export const TRANSITION_MS = 150;

export type Phase = 'entering' | 'open' | 'exiting';

export function useMountTransition(open: boolean): { mounted: boolean; phase: Phase } {
  const [mounted, setMounted] = useState(open);
  const [phase, setPhase] = useState<Phase>(open ? 'entering' : 'exiting');

  useEffect(() => {
    if (open) {
      setMounted(true);
      setPhase('entering');
      // Two frames: the first paints the start state, the second starts the transition.
      let second = 0;
      const first = requestAnimationFrame(() => {
        second = requestAnimationFrame(() => setPhase('open'));
      });
      return () => {
        cancelAnimationFrame(first);
        cancelAnimationFrame(second);
      };
    }
    setPhase('exiting');
    const timer = window.setTimeout(() => setMounted(false), TRANSITION_MS);
    return () => window.clearTimeout(timer);
  }, [open]);

  return { mounted, phase };
}
