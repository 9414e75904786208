/**
 * Removals the admin has already acknowledged elsewhere in Admin Lens: the offboarding run's
 * explicit, per-person "remove without transfer". The run registers the member ids of the one
 * dialog it is about to confirm; the removal guard, judging that dialog, treats the warning as
 * confirmed (it still records the entry with its warnings, and still refuses the only Admin or
 * oneself). Kept on the content script's isolated world, which the page's own scripts cannot
 * reach, and shared by the content script and the lazily loaded files, which are separate bundles.
 */
const KEY = '__adminLensAcknowledgedRemovals';

function registry(): Map<string, number> {
  const holder = globalThis as Record<string, unknown>;
  const found = holder[KEY];
  if (found instanceof Map) return found as Map<string, number>;
  const created = new Map<string, number>();
  holder[KEY] = created;
  return created;
}

const keyOf = (memberIds: readonly (string | null)[]) => (memberIds.some((id) => id === null) ? null : JSON.stringify([...memberIds].sort()));

/** Registers exactly these people as acknowledged; the returned function withdraws it. */
export function acknowledgeRemoval(memberIds: readonly string[]): () => void {
  const key = keyOf(memberIds)!;
  const map = registry();
  map.set(key, (map.get(key) ?? 0) + 1);
  return () => {
    const left = (map.get(key) ?? 1) - 1;
    if (left > 0) map.set(key, left);
    else map.delete(key);
  };
}

/** Whether exactly these people (every one identified) were acknowledged. */
export function isAcknowledgedRemoval(memberIds: readonly (string | null)[]): boolean {
  const key = keyOf(memberIds);
  return memberIds.length > 0 && key !== null && registry().has(key);
}
