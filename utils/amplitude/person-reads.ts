/**
 * What a change of email reads of one person through the console's data endpoint, read-only:
 * - the default project chosen at their invite: [code] `Users.defaultAppId` (a project id as the
 *   console names it, "p-3" on the double). A console whose answer has no such field leaves it
 *   unknown (undefined), never guessed;
 * - whether an email is pending or joined (pending-invites.ts), and what it owns (content-counts.ts).
 */
import type { ContentCounts } from '@/utils/access/model';
import type { ConsoleClient } from './console-client';
import { countContent } from './content-counts';
import { pendingInvites } from './pending-invites';
import { OrgDataData, UsersList } from './schemas';

const lower = (email: string) => email.trim().toLowerCase();

export interface PersonReads {
  /** The person's default project id; null: none; undefined: not readable on this console. */
  defaultProject(email: string): Promise<string | null | undefined>;
  membership(email: string): Promise<'pending' | 'joined' | 'absent'>;
  /** What the person owns; null when it cannot be counted here. */
  content(email: string): Promise<ContentCounts | null>;
}

export function personReads(client: ConsoleClient): PersonReads {
  const pending = pendingInvites(client);
  let orgKnown: Promise<void> | null = null;
  const ensureOrg = () =>
    (orgKnown ??= client.query('OrgData', { product: 'analytics' }, OrgDataData).then(
      (data) => client.setOrgId(Number(data.org.orgId)),
      (error: unknown) => {
        orgKnown = null;
        throw error;
      },
    ));
  return {
    async defaultProject(email) {
      await ensureOrg();
      const { users } = await client.query('Users', {}, UsersList);
      const user = users.find((candidate): candidate is Record<string, unknown> => {
        if (typeof candidate !== 'object' || candidate === null) return false;
        const record = candidate as Record<string, unknown>;
        return [record.email, record.loginId].some((value) => typeof value === 'string' && lower(value) === lower(email));
      });
      if (!user || !('defaultAppId' in user)) return undefined;
      const id = user.defaultAppId;
      return typeof id === 'string' || typeof id === 'number' ? String(id) : id === null ? null : undefined;
    },
    async membership(email) {
      const { pending: waiting, joined } = await pending.membershipAmong([email]);
      return waiting.length ? 'pending' : joined.length ? 'joined' : 'absent';
    },
    async content(email) {
      await ensureOrg();
      return countContent(client, email).catch(() => null);
    },
  };
}
