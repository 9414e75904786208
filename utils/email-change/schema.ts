/**
 * Change of email, the stored record's schema: every message that carries one, and every record
 * read back from IndexedDB, is checked with it (an older version's record that no longer fits is
 * not offered, never half-read). zod/mini, like the other message schemas.
 */
import { z } from 'zod/mini';
import { ContentCounts, OrgRole, ProjectRoleGrant } from '../access/model';
import type { EmailChange } from './workflow';

const IsoTime = z.iso.datetime({ offset: true });
const Source = z.enum(['read', 'unknown', 'admin', 'left-empty']);
const piece = <T extends z.ZodMiniType>(value: T) => z.object({ value, source: Source });

const Plan = z.object({
  orgRole: OrgRole,
  team: piece(z.nullable(z.string())),
  groupIds: piece(z.array(z.string())),
  projectRoles: piece(z.array(ProjectRoleGrant)),
  defaultProjectId: piece(z.nullable(z.string())),
  teamSpaceIds: piece(z.array(z.string())),
});

const Account = z.enum(['unchecked', 'pending', 'joined-inactive', 'activity-unknown', 'active', 'missing']);
const Difference = z.object({ projectId: z.string(), projectName: z.string(), expected: z.string(), actual: z.string() });
const Report = z.object({
  oldGone: z.boolean(),
  contentBefore: z.nullable(ContentCounts),
  contentAfter: z.nullable(ContentCounts),
  contentMoved: z.nullable(z.boolean()),
  accessDifferences: z.nullable(z.array(Difference)),
  otherDifferences: z.array(z.string()),
  unchecked: z.array(z.string()),
});

const Step = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready') }),
  z.object({ kind: z.literal('inviting'), since: IsoTime }),
  z.object({ kind: z.literal('refused'), at: IsoTime, reason: z.string() }),
  z.object({ kind: z.literal('waiting'), since: IsoTime, account: Account, accountSince: IsoTime, checkedAt: z.nullable(IsoTime), note: z.nullable(z.string()) }),
  z.object({ kind: z.literal('removing'), since: IsoTime }),
  z.object({ kind: z.literal('done'), at: IsoTime, report: Report }),
  z.object({ kind: z.literal('cancelled'), at: IsoTime, during: z.enum(['ready', 'inviting', 'waiting', 'removing']) }),
]);

const STEP_KINDS = ['ready', 'inviting', 'refused', 'waiting', 'removing', 'done', 'cancelled'] as const;
const Person = z.object({ id: z.string(), email: z.string(), name: z.string() });

export const EmailChangeSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  orgUrl: z.string().check(z.minLength(1)),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  revision: z.int().check(z.nonnegative()),
  old: Person,
  newEmail: z.string().check(z.minLength(3), z.maxLength(254)),
  plan: Plan,
  before: z.object({ orgRole: OrgRole, perProject: z.nullable(z.record(z.string(), z.string())), content: z.nullable(ContentCounts) }),
  step: Step,
  history: z.array(z.object({ at: IsoTime, step: z.enum(STEP_KINDS), detail: z.string() })).check(z.maxLength(500)),
});

export function parseEmailChange(data: unknown): { ok: true; change: EmailChange } | { ok: false; error: string } {
  const parsed = z.safeParse(EmailChangeSchema, data);
  return parsed.success ? { ok: true, change: parsed.data as EmailChange } : { ok: false, error: z.prettifyError(parsed.error) };
}
