/** Pure part of the audit log's retention: the oldest time (epoch ms) an entry may have. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** Entries older than this are dropped; null when everything is kept. */
export function retentionCutoff(days: number | null, now: number): number | null {
  if (days === null || !Number.isFinite(days) || days <= 0) return null;
  return now - days * DAY_MS;
}
