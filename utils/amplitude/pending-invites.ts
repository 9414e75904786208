/**
 * Who is pending now, through the console's data endpoint: the bulk-invite runner's check before
 * each batch, its proof after Send, its reconciliation on resume, and (with who joined) its check
 * after a Send that failed. Read-only.
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
  /** Which of these emails are pending invites and which joined members now (lower-cased). */
  membershipAmong(emails: readonly string[]): Promise<{ pending: string[]; joined: string[] }>;
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

  /** Everyone in the org now: [code] `Users` lists joined and pending alike. */
  const everyone = async () => {
    await ensureOrg();
    const { users } = await client.query('Users', {}, UsersData);
    return users.map((user) => ({ email: lower(user.email ?? user.loginId ?? ''), pending: user.hasOutstandingInvite })).filter((user) => user.email !== '');
  };
  const all = async () => (await everyone()).filter((user) => user.pending).map((user) => user.email);

  return {
    all,
    async membershipAmong(emails) {
      const status = new Map((await everyone()).map((user) => [user.email, user.pending] as const));
      const asked = [...new Set(emails.map(lower))];
      return { pending: asked.filter((email) => status.get(email) === true), joined: asked.filter((email) => status.get(email) === false) };
    },
    async among(emails) {
      const pending = new Set(await all());
      return [...new Set(emails.map(lower))].filter((email) => pending.has(email));
    },
  };
}
