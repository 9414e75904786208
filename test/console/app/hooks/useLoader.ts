/**
 * Loads something asynchronously and keeps the last good answer on screen while reloading (so a
 * table does not flash empty between pages). Answers to superseded requests are dropped. A server
 * failure also raises a toast; a refusal or an expired session is left to the caller and the app.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { describeFailure, ServerError } from '../api/errors';
import { useToasts } from '../components/ui/Toasts';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Adjusts the data on screen (e.g. after a mutation answered with the new value). */
  setData: (update: (data: T | null) => T | null) => void;
}

export function useLoader<T>(load: () => Promise<T>, deps: DependencyList, options: { enabled?: boolean } = {}): Loaded<T> {
  const enabled = options.enabled ?? true;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(enabled);
  const [attempt, setAttempt] = useState(0);
  const seq = useRef(0);
  const toasts = useToasts();

  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    const mine = ++seq.current;
    setLoading(true);
    load().then(
      (value) => {
        if (mine !== seq.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== seq.current) return;
        setError(failure);
        setLoading(false);
        if (failure instanceof ServerError) toasts.error(describeFailure(failure));
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `load` depends on
  }, [...deps, enabled, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
