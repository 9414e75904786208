/**
 * Who is pending now, through the console's data endpoint: the bulk-invite runner's check before
 * each batch, its proof after Send, and its reconciliation on resume. Read-only.
 *
 * [guess] `OrgMembers(status: pending, search)` matches a substring of the name or email
 * (endpoint.ts); only exact email matches count here.
 */
import type { ConsoleClient } from './console-client';
import { PAGE_SIZE } from './endpoint';
import { readAllPages } from './read-org';
import { OrgMembersData, OrgSettingsData } from './schemas';

const lower = (email: string) => email.trim().toLowerCase();

export interface PendingInvites {
  /** Which of these emails are pending invites now (lower-cased). One search per email, in parallel. */
  among(emails: readonly string[]): Promise<string[]>;
  /** Every pending invite's email (lower-cased). */
  all(): Promise<string[]>;
}

export function pendingInvites(client: ConsoleClient): PendingInvites {
  // Later calls need the org id (x-org), learned from OrgSettings once.
  let ready: Promise<void> | null = null;
  const ensureOrg = () =>
    (ready ??= client.query('OrgSettings', {}, OrgSettingsData).then(
      (settings) => client.setOrgId(settings.org.id),
      (error: unknown) => {
        ready = null;
        throw error;
      },
    ));

  return {
    async among(emails) {
      await ensureOrg();
      const wanted = [...new Set(emails.map(lower))];
      const found = await Promise.all(
        wanted.map(async (email) => {
          const page = await client.query('OrgMembers', { status: 'pending', search: email, first: PAGE_SIZE, after: null }, OrgMembersData);
          return page.members.nodes.some((node) => lower(node.email) === email) ? email : null;
        }),
      );
      return found.filter((email): email is string => email !== null);
    },
    async all() {
      await ensureOrg();
      const nodes = await readAllPages('OrgMembers', async (after) =>
        (await client.query('OrgMembers', { status: 'pending', search: '', first: PAGE_SIZE, after }, OrgMembersData)).members,
      );
      return nodes.map((node) => lower(node.email));
    },
  };
}
