/**
 * The removal guard's decision, pure: given what the dialog shows and the org data, is this removal
 * refused (the only Admin, oneself), in need of an explicit confirmation (content orphaned, an
 * inactive recipient, anything unknown), or safe? Unknown is never safe.
 */
import type { Member, OrgSnapshot } from '../access/model';
import type { AccessReport } from '../access/report';
import { describeAccessSummary } from '../access/summary';
import type { AuditContent, AuditPerson } from './entry';
import { t, tCount } from '@/utils/i18n';

export const RECIPIENT_ACTIVE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DialogReading {
  people: { name: string; email: string | null }[];
  transfer: boolean;
  recipientText: string;
  /** Landmarks of the dialog that could not be found. */
  missing: string[];
}

export interface DataState {
  status: 'loading' | 'ready' | 'refreshing' | 'error';
  snapshot: OrgSnapshot | null;
  report: AccessReport | null;
  error: string | null;
}

export interface AssessedPerson extends AuditPerson {
  /** Owns at least one chart, dashboard, cohort or notebook (null counts: unknown). */
  ownsContent: boolean;
}

export type Verdict = 'safe' | 'confirm' | 'refuse';

export interface Assessment {
  verdict: Verdict;
  people: AssessedPerson[];
  /** Why it cannot be done at all (verdict 'refuse'). */
  refusals: string[];
  /** Content would be orphaned: transfer off and someone owns content. */
  orphans: boolean;
  /** Everything that needs the admin's explicit confirmation, in words. */
  warnings: string[];
  recipient: { name: string; email: string | null } | null;
  /** What decides whether an earlier confirmation still applies. */
  signature: string;
}

export function totalContent(content: AuditContent | null): number {
  return content ? content.charts + content.dashboards + content.cohorts + content.notebooks : 0;
}


export function describeContent(content: AuditContent): string {
  return t('contentCounts', {
    charts: tCount('contentCharts', content.charts),
    dashboards: tCount('contentDashboards', content.dashboards),
    cohorts: tCount('contentCohorts', content.cohorts),
    notebooks: tCount('contentNotebooks', content.notebooks),
  });
}

function findByEmail(snapshot: OrgSnapshot, email: string | null): Member | undefined {
  if (!email) return undefined;
  const wanted = email.toLowerCase();
  return snapshot.members.find((member) => member.email.toLowerCase() === wanted);
}

export function assessRemoval(reading: DialogReading, data: DataState, now: number): Assessment {
  const refusals: string[] = [];
  const warnings: string[] = [];
  const { snapshot, report } = data;

  if (reading.missing.length > 0) warnings.push(`Admin Lens could not find ${reading.missing.join(', ')} in the dialog, so it cannot check this removal.`);
  if (reading.people.length === 0) warnings.push('Admin Lens could not tell who is being removed.');
  if (!snapshot) {
    warnings.push(
      data.status === 'error'
        ? `Admin Lens could not read the org (${data.error ?? 'unknown error'}), so it cannot check who owns content or who the Admins are.`
        : 'Admin Lens is still reading the org, so it cannot yet check who owns content or who the Admins are.',
    );
  } else if (data.status === 'error') {
    warnings.push(`Admin Lens could not refresh the org data (${data.error ?? 'unknown error'}); what it shows is from ${snapshot.readAt} and may be out of date.`);
  }

  const people: AssessedPerson[] = reading.people.map((listed) => {
    const member = snapshot ? findByEmail(snapshot, listed.email) : undefined;
    if (snapshot && !member) warnings.push(`${listed.email ?? listed.name} is not in the org data Admin Lens read, so their content and access are unknown.`);
    const summary = member ? report?.members.get(member.id)?.summary : undefined;
    return {
      name: member?.name ?? listed.name,
      email: member?.email ?? listed.email,
      memberId: member?.id ?? null,
      access: summary ? describeAccessSummary(summary, snapshot?.customRoleNames) : null,
      orgRole: member?.orgRole ?? null,
      content: member ? { ...member.content } : null,
      ownsContent: member ? totalContent(member.content) > 0 : false,
    };
  });

  if (snapshot) {
    const selected = new Set(people.map((person) => person.memberId).filter((id): id is string => id !== null));
    const viewer = snapshot.members.find((member) => member.id === snapshot.viewerId);
    if (selected.has(snapshot.viewerId)) {
      refusals.push(`You cannot remove yourself${viewer ? ` (${viewer.name}, signed in)` : ''}: Amplitude does not allow it, and you would lose access to the organization.`);
    }
    const admins = snapshot.members.filter((member) => member.status === 'joined' && member.orgRole === 'admin');
    const selectedAdmins = admins.filter((admin) => selected.has(admin.id));
    if (admins.length === 1 && selectedAdmins.length === 1 && selectedAdmins[0]) {
      refusals.push(`${selectedAdmins[0].name} is the only Admin; the organization must keep at least one Admin.`);
    } else if (admins.length > 1 && selectedAdmins.length === admins.length) {
      refusals.push('These are all the Admins; the organization must keep at least one Admin.');
    }
  }

  const orphans = !reading.transfer && people.some((person) => person.ownsContent);
  if (orphans) warnings.unshift('Their content will not be transferred and becomes unassigned. This cannot be undone.');

  let recipient: Assessment['recipient'] = null;
  if (reading.transfer) {
    const text = reading.recipientText;
    const matches = snapshot && text ? snapshot.members.filter((member) => member.status === 'joined' && member.name === text) : [];
    const only = matches.length === 1 ? matches[0] : undefined;
    recipient = only ? { name: only.name, email: only.email } : text ? { name: text, email: null } : null;
    if (!text) warnings.push('No recipient is chosen for the content.');
    else if (!snapshot) {
      // Already said: no data.
    } else if (!only) {
      warnings.push(`Admin Lens cannot tell who "${text}" is, so it cannot check that the transfer will succeed.`);
    } else {
      const last = only.lastActiveAt ? Date.parse(only.lastActiveAt) : null;
      if (last === null || now - last > RECIPIENT_ACTIVE_DAYS * DAY_MS) {
        const since = last === null ? 'has never been active' : `was last active ${Math.floor((now - last) / DAY_MS)} days ago`;
        warnings.push(`${only.name} ${since}: the transfer will fail, because the recipient must have been active in the last ${RECIPIENT_ACTIVE_DAYS} days.`);
      }
    }
  }

  const verdict: Verdict = refusals.length > 0 ? 'refuse' : warnings.length > 0 ? 'confirm' : 'safe';
  const signature = JSON.stringify([people.map((person) => person.email ?? person.name), reading.transfer, reading.recipientText, verdict, warnings]);
  return { verdict, people, refusals, orphans, warnings, recipient, signature };
}
