/**
 * The audit log's entry for a step of a change of email (issue 18): which step, of which change
 * (old address to new), by whom, when, and what happened in words. One entry per step that acted
 * on the console or ended something; re-reads that change nothing are not logged. zod/mini: the
 * content script sends these.
 */
import { z } from 'zod/mini';
import { AuditBy, AuditOrg } from './entry';

/**
 * planned: stored, nothing sent; invited: the new address is pending (verified through the data);
 * joined: the new account accepted; removed-old: the old account is gone, content transferred;
 * verified: the final check ran; cancelled; failed: a step did not go through (invite refused or
 * not sent, removal not made), with the reason.
 */
export const EMAIL_CHANGE_STEPS = ['planned', 'invited', 'joined', 'removed-old', 'verified', 'cancelled', 'failed'] as const;
export const EmailChangeStep = z.enum(EMAIL_CHANGE_STEPS);
export type EmailChangeStep = z.infer<typeof EmailChangeStep>;

export const EmailChangeAuditEntry = z.object({
  kind: z.literal('email-change'),
  /** Epoch ms of the step. */
  at: z.number(),
  org: AuditOrg,
  /** The signed-in admin who took the step. */
  by: AuditBy,
  /** The change's id (utils/email-change), which ties its steps together. */
  changeId: z.string().check(z.minLength(1), z.maxLength(64)),
  step: EmailChangeStep,
  old: z.object({ name: z.string(), email: z.string() }),
  newEmail: z.string(),
  /** What happened, in words (the change's own history line). */
  detail: z.string(),
});
export type EmailChangeAuditEntry = z.infer<typeof EmailChangeAuditEntry>;

/** Step words in files (the CSV keeps English, a file format; the page words them through i18n). */
export const EMAIL_CHANGE_STEP_LABEL: Record<EmailChangeStep, string> = {
  planned: 'Planned',
  invited: 'Invited',
  joined: 'Joined',
  'removed-old': 'Old account removed',
  verified: 'Verified',
  cancelled: 'Cancelled',
  failed: 'Failed',
};
