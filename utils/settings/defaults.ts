/**
 * The extension's settings: their shape, their defaults and a forgiving read of whatever is stored.
 * No zod and no WXT storage here. The content script reads through read.ts and constants.ts only.
 * Strict validation (options page, imported files) is in schema.ts; the versioned storage item in
 * storage.ts.
 */
import { DEFAULT_MAX_ADMINS, DEFAULT_STALE_INVITE_DAYS } from '@/utils/access/findings';
import { AMPLITUDE_ORIGINS } from '@/utils/amplitude/hosts';
import { DEFAULT_INACTIVE_DAYS, MAX_INACTIVE_DAYS, MAX_INVITE_BATCH } from './constants';
import { DEFAULT_AUDIT_RETENTION_DAYS, DEFAULT_SNAPSHOT_RETENTION_DAYS } from './retention';

export { DEFAULT_INACTIVE_DAYS, MAX_INACTIVE_DAYS, MAX_INVITE_BATCH, SETTINGS_KEY } from './constants';

/** Every feature of the Members & Groups page, by its id (entrypoints/members.content/features.ts). */
export const FEATURE_IDS = ['removal-guard', 'admin-lens-chip', 'access-badges', 'access-summary', 'groups-escalation', 'bulk-invite-panel', 'offboarding', 'email-change'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

/** The Amplitude hosts, from utils/amplitude/hosts.ts ('app.amplitude.com', ...). */
export const REGION_HOSTS = AMPLITUDE_ORIGINS.map((origin) => new URL(origin).host);

export interface Settings {
  /** More joined Admins than this is a finding. */
  tooManyAdminsThreshold: number;
  /** A pending invite older than this many days is stale. */
  staleInviteDays: number;
  /** Not active for more than this many days is inactive (the access hygiene report). */
  inactiveDays: number;
  /** Rows per batch of the bulk-invite runner (1..10). */
  inviteBatchSize: number;
  /** How long the removal audit log keeps entries, in days; null keeps everything (retention.ts). */
  auditRetentionDays: number | null;
  /** How long the last read of each org is kept, in days (retention.ts). */
  snapshotRetentionDays: number;
  /** Per Amplitude host: is the extension active there. */
  regions: Record<string, boolean>;
  /** Per feature id: is it on. */
  features: Record<FeatureId, boolean>;
}

const allOn = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, true])) as Record<K, boolean>;

export const DEFAULT_SETTINGS: Settings = {
  tooManyAdminsThreshold: DEFAULT_MAX_ADMINS,
  staleInviteDays: DEFAULT_STALE_INVITE_DAYS,
  inactiveDays: DEFAULT_INACTIVE_DAYS,
  inviteBatchSize: MAX_INVITE_BATCH,
  auditRetentionDays: DEFAULT_AUDIT_RETENTION_DAYS,
  snapshotRetentionDays: DEFAULT_SNAPSHOT_RETENTION_DAYS,
  regions: allOn(REGION_HOSTS),
  features: allOn(FEATURE_IDS),
};

/**
 * Whatever is stored, read field by field over the defaults: a missing or malformed field falls
 * back to its default instead of disabling anything. Never throws.
 */
export function withDefaults(stored: unknown): Settings {
  const from = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const count = (key: keyof Settings, fallback: number, max = Infinity) => {
    const value = from[key];
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max ? value : fallback;
  };
  const flags = <T extends Record<string, boolean>>(key: keyof Settings, fallback: T): T => {
    const value = (from[key] ?? {}) as Record<string, unknown>;
    const merged = { ...fallback };
    for (const name in merged) if (typeof value[name] === 'boolean') (merged as Record<string, boolean>)[name] = value[name];
    return merged;
  };
  const d = DEFAULT_SETTINGS;
  return {
    tooManyAdminsThreshold: count('tooManyAdminsThreshold', d.tooManyAdminsThreshold),
    staleInviteDays: count('staleInviteDays', d.staleInviteDays),
    inactiveDays: count('inactiveDays', d.inactiveDays, MAX_INACTIVE_DAYS),
    inviteBatchSize: count('inviteBatchSize', d.inviteBatchSize, MAX_INVITE_BATCH),
    // null is "forever", chosen; a missing or malformed value is the (finite) default.
    auditRetentionDays: from.auditRetentionDays === null ? null : count('auditRetentionDays', DEFAULT_AUDIT_RETENTION_DAYS),
    snapshotRetentionDays: count('snapshotRetentionDays', d.snapshotRetentionDays),
    regions: flags('regions', d.regions),
    features: flags('features', d.features),
  };
}
