/**
 * Bulk invite, step 3: ready rows grouped into batches. One invite sends several emails with the
 * same groups, access, default project and spaces; only the team may differ per email. Pure.
 */
import type { InviteSettings, RowError, ValidatedRow } from './validate';

export const DEFAULT_BATCH_SIZE = 10;

/** Everything a batch shares: the settings without the team. */
export type SharedSettings = Omit<InviteSettings, 'teamId'>;

export interface PlannedInvite {
  row: number;
  email: string;
  teamId: string | null;
}

export interface InviteBatch {
  /** Stable within a plan: "b1", "b2", … in order. */
  id: string;
  settings: SharedSettings;
  invites: PlannedInvite[];
}

export interface InvitePlan {
  batchSize: number;
  batches: InviteBatch[];
  skipped: { row: number; email: string; reason: string }[];
  invalid: { row: number; email: string; errors: RowError[] }[];
  counts: { toInvite: number; skip: number; invalid: number; batches: number };
}

/**
 * A canonical key of the shared settings: equal keys mean one invite can carry both emails. Group
 * and space order does not matter; project roles are compared as a set of (project, role).
 */
export function settingsKey(settings: SharedSettings): string {
  return JSON.stringify([
    settings.orgRole,
    [...settings.groupIds].sort(),
    settings.projectRoles.map((grant) => `${grant.projectId}=${grant.role}`).sort(),
    settings.defaultProjectId,
    [...settings.teamSpaceIds].sort(),
  ]);
}

function sharedOf(settings: SharedSettings | InviteSettings): SharedSettings {
  return {
    groupIds: [...settings.groupIds],
    projectRoles: settings.projectRoles.map((grant) => ({ ...grant })),
    orgRole: settings.orgRole,
    defaultProjectId: settings.defaultProjectId,
    teamSpaceIds: [...settings.teamSpaceIds],
  };
}

/**
 * Plans the batches: members and pending invites are skipped, invalid rows left out, and ready rows
 * with the same shared settings grouped, at most `batchSize` emails per batch. Batches come in the
 * order of their first row; rows keep the file's order inside a batch.
 */
export function planBatches(rows: readonly ValidatedRow[], options: { batchSize?: number } = {}): InvitePlan {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const groups = new Map<string, { settings: SharedSettings; invites: PlannedInvite[] }>();
  const skipped: InvitePlan['skipped'] = [];
  const invalid: InvitePlan['invalid'] = [];
  for (const row of rows) {
    if (row.status === 'skip') skipped.push({ row: row.row, email: row.email, reason: row.reason ?? 'Skipped.' });
    else if (row.status === 'invalid' || !row.settings) invalid.push({ row: row.row, email: row.email, errors: row.errors });
    else {
      const key = settingsKey(row.settings);
      let group = groups.get(key);
      if (!group) {
        group = { settings: sharedOf(row.settings), invites: [] };
        groups.set(key, group);
      }
      group.invites.push({ row: row.row, email: row.email, teamId: row.settings.teamId });
    }
  }
  const batches: InviteBatch[] = [];
  for (const group of groups.values()) {
    for (let i = 0; i < group.invites.length; i += batchSize) {
      batches.push({ id: `b${batches.length + 1}`, settings: sharedOf(group.settings), invites: group.invites.slice(i, i + batchSize) });
    }
  }
  const toInvite = batches.reduce((sum, batch) => sum + batch.invites.length, 0);
  return { batchSize, batches, skipped, invalid, counts: { toInvite, skip: skipped.length, invalid: invalid.length, batches: batches.length } };
}
