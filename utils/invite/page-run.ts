/**
 * Bulk invite in the page: the runner's ports for real (the background's storage by message, the
 * console's wizard, the data endpoint), and the job's names resolved from the org snapshot. Part of
 * the lazily loaded bulk-invite file, never of the content script itself.
 */
import type { OrgSnapshot } from '../access/model';
import { roleLabel } from '../access/roles';
import { createConsoleClient } from '../amplitude/console-client';
import { fetchNotingOwn } from '../amplitude/own-requests';
import { sendThroughWizard, type WizardBatch } from '../amplitude/invite-wizard';
import { pendingInvites } from '../amplitude/pending-invites';
import { sendRequest } from '../messaging';
import { claiming } from '../jobs/lease-requests';
import { createJob, type InviteJob, type JobBatch, type JobRow } from './job';
import { changedRows, splitJob } from './job-schema';
import type { InvitePlan } from './plan';
import { createInviteRunner, type InviteRunner } from './runner';
import type { ValidatedRow } from './validate';
import { t } from '../i18n';

/** A batch by the names the console shows, from ids. An id the org no longer has is an error, by name. */
export function wizardBatchOf(batch: JobBatch, rows: readonly JobRow[], snapshot: OrgSnapshot): WizardBatch {
  const name = <T extends { id: string; name: string }>(items: readonly T[], id: string, gone: (id: string) => string) => {
    const found = items.find((item) => item.id === id);
    if (!found) throw new Error(gone(id));
    return found.name;
  };
  const team = (id: string) => t('pageRunTeamGone', { id });
  const group = (id: string) => t('pageRunGroupGone', { id });
  const project = (id: string) => t('pageRunProjectGone', { id });
  const space = (id: string) => t('pageRunSpaceGone', { id });
  const projectLevel = snapshot.org.projectLevelPermissions;
  const { settings } = batch;
  return {
    invites: rows.map((row) => ({ email: row.email, team: row.teamId ? name(snapshot.teams, row.teamId, team) : null })),
    groups: settings.groupIds.map((id) => name(snapshot.groups, id, group)),
    projects: settings.projectRoles.map((grant) => ({ project: name(snapshot.projects, grant.projectId, project), role: roleLabel(grant.role) })),
    // Mode unknown (not readable here): only an Admin invite sets the org role; otherwise the form's own default stands.
    orgRole:
      projectLevel !== false
        ? settings.orgRole === 'admin'
          ? roleLabel('admin')
          : null
        : settings.orgRole === 'user'
          ? null
          : roleLabel(settings.orgRole),
    defaultProject: settings.defaultProjectId ? name(snapshot.projects, settings.defaultProjectId, project) : null,
    teamSpaces: settings.teamSpaceIds.map((id) => name(snapshot.teamSpaces, id, space)),
  };
}

export function newPageJob(input: { orgUrl: string; headers: string[]; rows: readonly ValidatedRow[]; plan: InvitePlan }): InviteJob {
  return createJob({ id: crypto.randomUUID(), orgUrl: input.orgUrl, now: new Date().toISOString(), headers: input.headers, rows: input.rows, plan: input.plan });
}

export interface PageRunOptions {
  snapshot: () => OrgSnapshot;
  origin: string;
  onChange: (job: InviteJob) => void;
  /** Whether the Members page (and so the console's wizard) is here; absent: always. */
  onPage?: () => boolean;
  /** Waits a moment for the page to be (back) there before a batch; false to stop. */
  waitForPage?: () => Promise<boolean>;
}

export function pageRunner(job: InviteJob, options: PageRunOptions): InviteRunner {
  const client = createConsoleClient({ origin: options.origin, orgUrl: job.orgUrl, fetch: fetchNotingOwn });
  const pending = pendingInvites(client);
  // This page's claim on the job (a lease stored with it): the background refuses saves and
  // heartbeats from a second runner while this one holds it.
  const runnerId = crypto.randomUUID();
  return createInviteRunner(job, {
    async save(previous, next) {
      const step = { type: 'invite-job-save' as const, meta: splitJob(next).meta, rows: changedRows(previous, next), runnerId };
      await claiming(() => sendRequest(step));
    },
    async renewLease(jobId) {
      await claiming(() => sendRequest({ type: 'invite-job-heartbeat', jobId, runnerId }));
    },
    async release(jobId) {
      await sendRequest({ type: 'invite-job-release', jobId, runnerId });
    },
    async sendBatch(batch, rows, signal, beforeSend) {
      const outcome = await sendThroughWizard(wizardBatchOf(batch, rows, options.snapshot()), { signal, beforeSend });
      return outcome.ok ? { ok: true } : outcome;
    },
    pendingAmong: (emails) => pending.among(emails),
    allPending: () => pending.all(),
    membershipAmong: (emails) => pending.membershipAmong(emails),
    onPage: options.onPage,
    waitForPage: options.waitForPage,
    now: () => new Date().toISOString(),
    onChange: options.onChange,
  });
}
