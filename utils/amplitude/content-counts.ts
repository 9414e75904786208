/**
 * What one person owns, counted through `GlobalSearch` [code] with `owners: [loginId]`: the removal
 * guard's evidence of content a removal without transfer would orphan.
 *
 * One search over all four types first (most people own little: its results are counted by type);
 * when it holds more than one answer returns, or a type we do not know, one search per type with
 * `limit: 1` gives each count as `totalHits`.
 */
import type { ContentCounts } from '@/utils/access/model';
import type { ConsoleClient } from './console-client';
import { CONTENT_TYPES, type ContentType } from './endpoint';
import { GlobalSearchData } from './schemas';

/** [guess] The most results one search returns (public code asks for at most 100). */
export const SEARCH_LIMIT = 100;

const FIELD: Readonly<Record<ContentType, keyof ContentCounts>> = { CHART: 'charts', DASHBOARD: 'dashboards', COHORT: 'cohorts', NOTEBOOK: 'notebooks' };

const search = (client: ConsoleClient, loginId: string, types: readonly ContentType[], limit: number) =>
  // [guess] An empty text matches everything; the owners filter does the choosing.
  client.query('GlobalSearch', { query: '', limit, owners: [loginId], searchContentTypes: [...types] }, GlobalSearchData);

/**
 * What one person owns, and the latest `lastModifiedAt` among the items read: the hygiene report's
 * "last content change". When the first search did not hold everything they own (more than one
 * answer returns), the date is the latest of what it held: a lower bound (`changeComplete` false),
 * still proof of activity at that time, never of inactivity. Null when nothing read carried a date.
 */
export interface OwnedContent {
  counts: ContentCounts;
  lastChangedAt: string | null;
  /** True when every owned item was read, so `lastChangedAt` is the latest of all of them. */
  changeComplete: boolean;
}

const latest = (dates: readonly (string | null | undefined)[]): string | null => {
  let best: { at: string; ms: number } | null = null;
  for (const at of dates) {
    const ms = at ? Date.parse(at) : NaN;
    if (!Number.isNaN(ms) && (!best || ms > best.ms)) best = { at: new Date(ms).toISOString(), ms };
  }
  return best?.at ?? null;
};

export async function readOwnedContent(client: ConsoleClient, loginId: string, limit = SEARCH_LIMIT): Promise<OwnedContent> {
  const counts: ContentCounts = { charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 };
  const all = (await search(client, loginId, CONTENT_TYPES, limit)).unisearchContentSearch;
  const lastChangedAt = latest(all.results.map((result) => result.entity.lastModifiedAt));
  const types = all.results.map((result) => result.entity.type.toUpperCase());
  if (all.results.length === all.totalHits && types.every((type) => type in FIELD)) {
    for (const type of types) counts[FIELD[type as ContentType]] += 1;
    return { counts, lastChangedAt, changeComplete: true };
  }
  return { counts: await countByType(client, loginId), lastChangedAt, changeComplete: false };
}

/**
 * One search per type with `limit: 1`, all at once: each count is its `totalHits`. One round trip
 * whatever the person owns; for someone known to own more than one search holds (an offboarding
 * run's recipient), instead of a first search that cannot hold it all.
 */
export async function countByType(client: ConsoleClient, loginId: string): Promise<ContentCounts> {
  const counts: ContentCounts = { charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 };
  const perType = await Promise.all(CONTENT_TYPES.map((type) => search(client, loginId, [type], 1)));
  CONTENT_TYPES.forEach((type, index) => {
    counts[FIELD[type]] = perType[index]!.unisearchContentSearch.totalHits;
  });
  return counts;
}

export async function countContent(client: ConsoleClient, loginId: string, limit = SEARCH_LIMIT): Promise<ContentCounts> {
  return (await readOwnedContent(client, loginId, limit)).counts;
}
