/**
 * GlobalSearch [code: the operation, its variables and fields]: content searched by owner, type and
 * text. The double has no charts or dashboards, only each member's content counts, so it makes up
 * that many entities per type, the same ones on every call [guess: ids, names, dates].
 *
 * `totalHits` counts every match and `results` holds the first `limit`, so a client counts one
 * person's content of one type with `{owners: [email], searchContentTypes: [TYPE], limit: 1}`.
 * Entities are listed by owner (the org's order), then type (CHART, DASHBOARD, COHORT, NOTEBOOK),
 * then number. Unassigned content (removed without transfer) has no owner and is not searchable.
 */
import { CONTENT_COUNT_OF_TYPE, CONTENT_TYPES, type ContentType, type SearchEntity } from '../../shared/operations';
import { effectiveRole } from '../access';
import { normalizeEmail, type OrgStore, type StoredMember } from '../store';
import type { QueryHandler } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
const TYPE_LABEL: Record<ContentType, string> = { CHART: 'chart', DASHBOARD: 'dashboard', COHORT: 'cohort', NOTEBOOK: 'notebook' };

const entityName = (owner: StoredMember, type: ContentType, n: number): string => `${owner.name}'s ${TYPE_LABEL[type]} ${n}`;

/** [guess] Content sits in the first project the owner can reach (none: no project). */
function homeProject(store: OrgStore, owner: StoredMember): string[] {
  const project = store.state.projects.find((candidate) => {
    const role = effectiveRole(store, owner, candidate.id);
    return role !== null && role !== 'no_access';
  });
  return project ? [project.id] : [];
}

/**
 * The owner's nth entity of a type. Modified one day apart per entity (and an hour per type)
 * backwards from when the owner was last seen, so never after their lastActiveAt [guess].
 */
function entity(store: OrgStore, owner: StoredMember, type: ContentType, n: number): SearchEntity {
  const lastSeenMs = Date.parse(owner.lastActiveAt ?? owner.joinedAt ?? owner.invitedAt);
  const modified = new Date(lastSeenMs - (n - 1) * DAY_MS - CONTENT_TYPES.indexOf(type) * 60 * 60 * 1000).toISOString();
  return {
    entityId: `${TYPE_LABEL[type]}-${owner.id}-${n}`,
    name: entityName(owner, type, n),
    type,
    owners: [owner.email],
    appIds: homeProject(store, owner),
    lastModifiedAt: modified,
    lastViewedAt: modified,
    isArchived: false,
  };
}

export const globalSearch: QueryHandler<'GlobalSearch'> = ({ store }, { query, limit, owners, searchContentTypes }) => {
  const ownerSet = owners && owners.length > 0 ? new Set(owners.map(normalizeEmail)) : null;
  const types = CONTENT_TYPES.filter((type) => searchContentTypes.includes(type));
  const needle = query.trim().toLowerCase();
  const results: { entity: SearchEntity }[] = [];
  let totalHits = 0;

  for (const owner of store.state.members) {
    if (ownerSet && !ownerSet.has(normalizeEmail(owner.email))) continue;
    for (const type of types) {
      const count = owner.content[CONTENT_COUNT_OF_TYPE[type]];
      for (let n = 1; n <= count; n++) {
        // Without a text query every entity matches: count the rest at once (the large org has many).
        if (needle === '' && results.length >= limit) {
          totalHits += count - n + 1;
          break;
        }
        if (needle !== '' && !entityName(owner, type, n).toLowerCase().includes(needle)) continue;
        totalHits += 1;
        if (results.length < limit) results.push({ entity: entity(store, owner, type, n) });
      }
    }
  }
  return { unisearchContentSearch: { results, totalHits } };
};
