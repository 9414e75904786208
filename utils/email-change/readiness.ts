/**
 * Change of email, step 2: where the new account is, from a fresh read of the org. Pure.
 *
 * Activity is not documented data (issue 17): the last-active value is used when the console's data
 * carries it ([guess], piece `projectRoles`); without it the state is `activity-unknown`, and the
 * console's own recipient picker decides in step 3 (Amplitude offers only people active within 30
 * days as recipients [doc]).
 */
import type { OrgSnapshot } from '../access/model';
import type { NewAccountState } from './workflow';

/** A content recipient must have been active within this many days [doc]. */
export const RECIPIENT_ACTIVE_DAYS = 30;
const DAY_MS = 86_400_000;

export function newAccountState(snapshot: OrgSnapshot, email: string, nowMs: number): NewAccountState {
  const wanted = email.trim().toLowerCase();
  const member = snapshot.members.find((candidate) => candidate.email.trim().toLowerCase() === wanted);
  if (!member) return 'missing';
  if (member.status === 'pending') return 'pending';
  if (!snapshot.pieces.projectRoles.read) return 'activity-unknown';
  if (member.lastActiveAt === null) return 'joined-inactive';
  return nowMs - Date.parse(member.lastActiveAt) <= RECIPIENT_ACTIVE_DAYS * DAY_MS ? 'active' : 'joined-inactive';
}
