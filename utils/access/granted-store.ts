/**
 * Where every member's granted cells live, for a whole snapshot: two flat number arrays (project
 * position, cell index in the cell table) that members address by a start and a count.
 *
 * On a large org (5,000 members, ~50,000 grants) a `[position, cell]` pair per grant and an array
 * per member were most of the report's memory and much of the engine's time (allocation and
 * garbage collection); flat typed arrays hold the same in a few hundred KB with no object per grant.
 */
import type { ProjectAccess } from './report';

export interface GrantedStore {
  /** Project positions, a member's ascending. */
  positions: Uint32Array;
  /** Indexes into `cells`, aligned with `positions`. */
  cellIndexes: Uint32Array;
  /** The distinct cells (the cell cache's table, shared, not copied). */
  readonly cells: readonly ProjectAccess[];
  /** How many entries are used. */
  length: number;
}

const INITIAL_CAPACITY = 1024;

/** An empty store; one per snapshot (engine.ts), filled as its members are computed. */
export function createGrantedStore(cells: readonly ProjectAccess[]): GrantedStore {
  return { positions: new Uint32Array(INITIAL_CAPACITY), cellIndexes: new Uint32Array(INITIAL_CAPACITY), cells, length: 0 };
}

/** Appends one entry; the arrays double when full (members read them through the store, so they follow). */
export function appendGranted(store: GrantedStore, position: number, cellIndex: number): void {
  if (store.length === store.positions.length) {
    const capacity = Math.max(INITIAL_CAPACITY, store.length * 2);
    const positions = new Uint32Array(capacity);
    positions.set(store.positions);
    store.positions = positions;
    const cellIndexes = new Uint32Array(capacity);
    cellIndexes.set(store.cellIndexes);
    store.cellIndexes = cellIndexes;
  }
  store.positions[store.length] = position;
  store.cellIndexes[store.length] = cellIndex;
  store.length += 1;
}

/** Gives back the unused capacity once every member is in (the members are kept; the spare room need not be). */
export function trimGranted(store: GrantedStore): void {
  if (store.length === store.positions.length) return;
  store.positions = store.positions.slice(0, store.length);
  store.cellIndexes = store.cellIndexes.slice(0, store.length);
}
