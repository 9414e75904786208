/**
 * Offboarding in the page: the runner's ports for real (the background's storage by message, the
 * console's own "Remove Members?" dialog through utils/amplitude/remove-driver.ts, the data
 * endpoint for who is still there, what they own and whether a recipient is active). Part of the
 * lazily loaded offboarding file, never of the content script itself.
 *
 * The audit log: the removal guard records every removal it sees (with transfer: "passed"; an
 * acknowledged removal without transfer: "confirmed", registered for it in
 * utils/audit/acknowledged-removals.ts). With the guard switched off, this file records the entry
 * itself, before the confirm, with the same before-state.
 */
import type { OrgSnapshot } from '../access/model';
import { knownOrgRole } from '../access/model';
import { acknowledgeRemoval } from '../audit/acknowledged-removals';
import { PENDING_OUTCOME, type AuditEntry } from '../audit/entry';
import { createConsoleClient } from '../amplitude/console-client';
import { countByType, readOwnedContent } from '../amplitude/content-counts';
import { fetchNotingOwn } from '../amplitude/own-requests';
import { removeThroughConsole, type RemovalPerson } from '../amplitude/remove-driver';
import { OrgDataData, OrgMembersData, UsersData } from '../amplitude/schemas';
import { sendRequest } from '../messaging';
import { claiming } from '../jobs/lease-requests';
import { readSettings } from '../settings/read';
import { createOffboardRunner, type OffboardPorts, type OffboardRunner } from './runner';
import type { OffboardJob } from './job';
import { isRecentlyActive } from './validate';

export interface PageOffboardOptions {
  origin: string;
  snapshot: () => OrgSnapshot;
  onChange: (job: OffboardJob) => void;
  /** The removal guard's hold on a dialog, in words (its panel is ours, not Amplitude's). */
  heldBy?: (dialog: HTMLElement) => string | null;
  /** Nodes we inserted into the console's page. */
  skip?: (element: Element) => boolean;
}

const lower = (email: string) => email.trim().toLowerCase();

/** The console's reads the runner needs, on one client. */
export function offboardReads(origin: string, orgUrl: string) {
  const client = createConsoleClient({ origin, orgUrl, fetch: fetchNotingOwn });
  // The org id (`x-org`) is learned from `OrgData` [code] once (endpoint.ts); a failed try is tried again next time.
  let ready: Promise<void> | null = null;
  const learnOrgId = () =>
    (ready ??= client.query('OrgData', { product: 'analytics' }, OrgDataData).then(
      (data) => client.setOrgId(Number(data.org.orgId)),
      (error: unknown) => {
        ready = null;
        throw error;
      },
    ));
  const ownsMany = new Set<string>();
  return {
    client,
    async presence(): Promise<Map<string, 'joined' | 'pending'>> {
      await learnOrgId();
      const { users } = await client.query('Users', {}, UsersData);
      const present = new Map<string, 'joined' | 'pending'>();
      for (const user of users) {
        const email = user.email ?? user.loginId;
        if (email) present.set(lower(email), user.hasOutstandingInvite ? 'pending' : 'joined');
      }
      return present;
    },
    content: async (email: string) => {
      await learnOrgId();
      // Someone whose last count needed more than one search (a recipient gathering everyone's
      // content) is counted by type at once: one round trip instead of two.
      if (ownsMany.has(lower(email))) return countByType(client, email);
      const owned = await readOwnedContent(client, email);
      if (!owned.changeComplete) ownsMany.add(lower(email));
      return owned.counts;
    },
    async recentlyActive(email: string): Promise<boolean> {
      await learnOrgId();
      const { members } = await client.query('OrgMembers', { status: 'joined', search: email, first: 5, after: null }, OrgMembersData);
      const node = members.nodes.find((candidate) => lower(candidate.email) === lower(email));
      return !!node && isRecentlyActive({ id: node.id, email: node.email, name: '', status: 'joined', admin: false, lastActiveAt: node.lastActiveAt }, Date.now());
    },
  };
}

export function pageOffboardRunner(job: OffboardJob, options: PageOffboardOptions): OffboardRunner {
  const reads = offboardReads(options.origin, job.orgUrl);
  const personOf = (email: string): RemovalPerson => {
    const member = options.snapshot().members.find((candidate) => lower(candidate.email) === email);
    const row = job.rows.find((candidate) => candidate.email === email);
    return { email, name: member?.name ?? row?.name ?? email };
  };

  /** The audit entry for a step, as the guard would write it: who, with what they had, and where their content went. */
  const auditEntry = (emails: readonly string[], recipient: string | null, acknowledged: boolean): AuditEntry => {
    const snapshot = options.snapshot();
    const viewer = snapshot.members.find((member) => member.id === snapshot.viewerId);
    return {
      at: Date.now(),
      org: { url: job.orgUrl, name: snapshot.org.name ?? null },
      by: { name: viewer?.name ?? null, email: viewer?.email ?? null },
      people: emails.map((email) => {
        const member = snapshot.members.find((candidate) => lower(candidate.email) === email);
        const row = job.rows.find((candidate) => candidate.email === email);
        const role = member ? knownOrgRole(member.orgRole) : null;
        return { name: member?.name ?? email, email, memberId: member?.id ?? null, access: null, orgRole: role, content: row?.content ?? null };
      }),
      transferTo: recipient ? { name: personOf(recipient).name, email: recipient } : null,
      decision: acknowledged ? 'confirmed' : 'passed',
      warnings: acknowledged ? ['Removed without transfer: acknowledged in the offboarding run.'] : [],
      dataAsOf: snapshot.readAt,
      outcome: PENDING_OUTCOME,
    };
  };

  // This page's claim on the job (a lease stored with it, as the bulk invite's): the background
  // refuses saves and heartbeats from a second tab's runner while this one holds it.
  const runnerId = crypto.randomUUID();
  const ports: OffboardPorts = {
    async save(next) {
      await claiming(() => sendRequest({ type: 'offboard-job-save', job: next, runnerId }));
    },
    async renewLease(jobId) {
      await claiming(() => sendRequest({ type: 'offboard-job-heartbeat', jobId, runnerId }));
    },
    async release(jobId) {
      await sendRequest({ type: 'offboard-job-release', jobId, runnerId });
    },
    presence: () => reads.presence(),
    content: (email) => reads.content(email),
    recentlyActive: (email) => reads.recentlyActive(email),
    async remove(order, beforeConfirm, signal) {
      const snapshot = options.snapshot();
      const memberIds = order.emails.map((email) => snapshot.members.find((member) => lower(member.email) === email)?.id ?? null);
      const withdraw = order.acknowledged && memberIds.every((id) => id !== null) ? acknowledgeRemoval(memberIds as string[]) : () => undefined;
      // Whether the guard records the removal is needed only at the confirm: read meanwhile.
      const guardOn = readSettings().then((settings) => settings.features?.['removal-guard'] !== false);
      guardOn.catch(() => undefined); // met below
      try {
        const result = await removeThroughConsole(
          { people: order.emails.map(personOf), recipient: order.recipient ? personOf(order.recipient) : null, view: order.view },
          {
            orgPeople: snapshot.members,
            signal,
            heldBy: options.heldBy,
            skip: options.skip,
            async beforeConfirm() {
              // Settings that cannot be read hold the confirm before anything is saved (and stop the run below).
              const on = await guardOn.catch(() => null);
              if (on === null || !(await beforeConfirm())) return false;
              if (on) return true;
              // No guard to record it: the entry is stored before the console acts, or nothing is removed.
              return sendRequest({ type: 'audit-append', entry: auditEntry(order.emails, order.recipient, order.acknowledged) }).then(
                () => true,
                () => false,
              );
            },
          },
        );
        await guardOn; // settings that could not be read stop the run, as a failed read does
        return result;
      } finally {
        withdraw();
      }
    },
    now: () => new Date().toISOString(),
    onChange: options.onChange,
  };
  return createOffboardRunner(job, ports);
}
