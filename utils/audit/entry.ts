/**
 * The audit log's removal entry: what was removed, by whom, with what access and content at that
 * moment, and what the data showed afterwards. zod/mini: the content script sends these.
 */
import { z } from 'zod/mini';

const Count = z.int().check(z.nonnegative());

export const AuditContent = z.object({ charts: Count, dashboards: Count, cohorts: Count, notebooks: Count });
export type AuditContent = z.infer<typeof AuditContent>;

export const AuditPerson = z.object({
  name: z.string(),
  email: z.nullable(z.string()),
  /** Our model's member id; null when the person was not in the snapshot. */
  memberId: z.nullable(z.string()),
  /** Their effective access at that moment, e.g. "Manager in 2 of 8 projects"; null when unknown. */
  access: z.nullable(z.string()),
  orgRole: z.nullable(z.string()),
  content: z.nullable(AuditContent),
});
export type AuditPerson = z.infer<typeof AuditPerson>;

export const AuditOutcomeStatus = z.enum(['pending', 'gone', 'still-there', 'partial', 'error']);
export type AuditOutcomeStatus = z.infer<typeof AuditOutcomeStatus>;

export const AuditOutcome = z.object({
  status: AuditOutcomeStatus,
  /** Epoch ms when it was checked; null while pending. */
  checkedAt: z.nullable(z.number()),
  detail: z.string(),
});
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export const AuditOrg = z.object({ url: z.string(), name: z.nullable(z.string()) });
export type AuditOrg = z.infer<typeof AuditOrg>;
export const AuditBy = z.object({ name: z.nullable(z.string()), email: z.nullable(z.string()) });
export type AuditBy = z.infer<typeof AuditBy>;

/**
 * A removal's entry. The audit log holds other kinds too (log-entry.ts); a removal's `kind` may be
 * absent: entries written before there were kinds have none, and they are removals.
 */
export const AuditEntry = z.object({
  kind: z.optional(z.literal('removal')),
  /** Epoch ms when the removal was confirmed in the page. */
  at: z.number(),
  org: AuditOrg,
  /** The signed-in admin who confirmed it. */
  by: AuditBy,
  people: z.array(AuditPerson),
  /** The recipient of the content, or null when nothing was transferred. */
  transferTo: z.nullable(z.object({ name: z.string(), email: z.nullable(z.string()) })),
  /**
   * 'passed' = nothing to warn about; 'confirmed' = the admin confirmed past our warnings;
   * 'unverified' = the admin removed anyway although Admin Lens could not read or tell something.
   */
  decision: z.enum(['passed', 'confirmed', 'unverified']),
  /** The warnings shown, in words. */
  warnings: z.array(z.string()),
  /** When the org data used for the decision was read; null when there was none. */
  dataAsOf: z.nullable(z.string()),
  outcome: AuditOutcome,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export interface AuditRecord extends AuditEntry {
  id: number;
}

/** Until a read of the org after the confirm shows who is gone (utils/audit/settle.ts). */
export const PENDING_OUTCOME: AuditOutcome = { status: 'pending', checkedAt: null, detail: 'Not checked yet: Admin Lens checks the next time it reads this org.' };

export function parseAuditEntry(data: unknown): { ok: true; entry: AuditEntry } | { ok: false; error: string } {
  const parsed = z.safeParse(AuditEntry, data);
  return parsed.success ? { ok: true, entry: parsed.data } : { ok: false, error: z.prettifyError(parsed.error) };
}

export const OUTCOME_LABEL: Record<AuditOutcomeStatus, string> = {
  pending: 'Not known yet',
  gone: 'Removed',
  'still-there': 'Still a member',
  partial: 'Partly removed',
  error: 'Could not check',
};

/** Decides the outcome from who is still in the org after the console acted. */
export function outcomeFrom(people: readonly AuditPerson[], stillThere: (person: AuditPerson) => boolean, now: number): AuditOutcome {
  const remaining = people.filter(stillThere);
  if (remaining.length === 0) return { status: 'gone', checkedAt: now, detail: 'No longer in the org data.' };
  const names = remaining.map((person) => person.email ?? person.name).join(', ');
  if (remaining.length === people.length) return { status: 'still-there', checkedAt: now, detail: `Still in the org data: ${names}.` };
  return { status: 'partial', checkedAt: now, detail: `Still in the org data: ${names}.` };
}
