/**
 * How many Users rows the access badges could tie to a person, for the chip and the popup's
 * diagnostics: a row with no email and no unique name gets no badge, and the admin is told so.
 * Counts only, never names. Published by the badges after each pass with the org's data; null
 * while there is none (or the badges are off).
 */

export interface RowCensus {
  /** Rows listing a person on screen. */
  rows: number;
  /** Rows with no email and no name unique in the org: no badge there. */
  unreadable: number;
}

type Listener = (census: RowCensus | null) => void;

let current: RowCensus | null = null;
const listeners = new Set<Listener>();

export const rowCensus = {
  get: (): RowCensus | null => current,
  set(next: RowCensus | null): void {
    if (next?.rows === current?.rows && next?.unreadable === current?.unreadable) return;
    current = next;
    for (const listener of listeners) listener(current);
  },
  /** Calls `listener` now and on every change; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    listener(current);
    return () => listeners.delete(listener);
  },
};
