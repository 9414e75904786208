/**
 * Who is pending now, through the console's data endpoint: the bulk-invite runner's check before
 * each batch, its proof after Send, and its reconciliation on resume. Read-only.
 *
 * [code] `Users` lists everyone in one unpaged list; `hasOutstandingInvite` marks the pending.
 * The org id (`x-org`) is learned from `OrgData` [code] once, unless the address gave it.
 */
import type { ConsoleClient } from './console-client';
import { OrgDataData, UsersData } from './schemas';

const lower = (email: string) => email.trim().toLowerCase();

export interface PendingInvites {
  /** Which of these emails are pending invites now (lower-cased). */
  among(emails: readonly string[]): Promise<string[]>;
  /** Every pending invite's email (lower-cased). */
  all(): Promise<string[]>;
}

export function pendingInvites(client: ConsoleClient): PendingInvites {
  let ready: Promise<void> | null = null;
  const ensureOrg = () =>
    (ready ??= client.query('OrgData', { product: 'analytics' }, OrgDataData).then(
      (data) => client.setOrgId(Number(data.org.orgId)),
      (error: unknown) => {
        ready = null;
        throw error;
      },
    ));

  const all = async () => {
    await ensureOrg();
    const { users } = await client.query('Users', {}, UsersData);
    return users.filter((user) => user.hasOutstandingInvite).map((user) => lower(user.email ?? user.loginId ?? '')).filter(Boolean);
  };

  return {
    all,
    async among(emails) {
      const pending = new Set(await all());
      return [...new Set(emails.map(lower))].filter((email) => pending.has(email));
    },
  };
}
