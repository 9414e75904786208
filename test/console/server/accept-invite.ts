/**
 * The control API's "the invitee accepted" (tests only): a pending invite becomes a joined member,
 * as when the person follows the invite link and signs in [guess: the real console keeps the
 * account the invite created, with everything the invite set]. Nothing of the invite changes: the
 * team, groups, project roles, default project and team spaces stay exactly as invited; the name
 * stays the email (the double knows no other). joinedAt is the double's clock; last active is set
 * only when asked (a fresh account has not necessarily used the product yet).
 */
import { z } from 'zod';
import type { OrgStore, StoredMember } from './store';

export const AcceptInviteBody = z
  .object({
    email: z.string().min(1),
    /** ISO time; absent: left as it was (null for an invite). */
    lastActiveAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();
export type AcceptInvite = z.infer<typeof AcceptInviteBody>;

/** Thrown for an email that is not a pending invite: the control route answers 400 with it. */
export class AcceptInviteError extends Error {}

export function acceptInvite(store: OrgStore, request: AcceptInvite): StoredMember {
  const valid = AcceptInviteBody.parse(request);
  const member = store.memberByEmail(valid.email);
  if (!member) throw new AcceptInviteError(`No one with the email ${valid.email} is in the org.`);
  if (member.status !== 'pending') throw new AcceptInviteError(`${member.email} has no pending invite (already joined).`);
  member.status = 'joined';
  member.joinedAt = store.state.now;
  if (valid.lastActiveAt !== undefined) member.lastActiveAt = valid.lastActiveAt === null ? null : new Date(valid.lastActiveAt).toISOString();
  return structuredClone(member);
}
