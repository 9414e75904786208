/**
 * Cursor pagination in a stable order. The cursor is opaque to clients (base64url of the last
 * item's sort key), and keyset-based, so a page boundary stays correct when members are invited
 * or removed between two page reads. [guess: the real console's paging is not public]
 */
import { badInput, Refused } from './refusal';

export interface Page<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

/** Compares two sort keys element by element. */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((part) => typeof part === 'string')) return key;
  } catch {
    // fall through to the refusal below
  }
  throw new Refused([badInput('after', 'not a cursor from this endpoint')]);
}

/**
 * Sorts the items by `sortKey`, then returns the `first` items after the cursor.
 * `sortKey` must be unique per item (end it with the id).
 */
export function paginate<T, N>(items: readonly T[], sortKey: (item: T) => string[], args: { first: number; after: string | null }, toNode: (item: T) => N): Page<N> {
  const keyed = items.map((item) => ({ item, key: sortKey(item) })).sort((a, b) => compareKeys(a.key, b.key));
  let start = 0;
  if (args.after !== null) {
    const after = decodeCursor(args.after);
    start = keyed.findIndex((entry) => compareKeys(entry.key, after) > 0);
    if (start === -1) start = keyed.length;
  }
  const slice = keyed.slice(start, start + args.first);
  const last = slice[slice.length - 1];
  return {
    nodes: slice.map((entry) => toNode(entry.item)),
    pageInfo: { endCursor: last ? encodeCursor(last.key) : null, hasNextPage: start + slice.length < keyed.length },
    totalCount: keyed.length,
  };
}
