/**
 * The removal guard's decision, pure: given what the dialog shows and the org data, is this removal
 * refused (the only Admin, oneself), in need of an explicit confirmation (content orphaned, an
 * inactive recipient, anything unknown), or safe? Unknown is never safe.
 */
import type { ContentCounts, Member, MemberOrgRole, OrgSnapshot } from '../access/model';
import type { AccessReport } from '../access/report';
import { describeAccessSummary } from '../access/access-words';
import type { AuditContent, AuditPerson } from './entry';
import { t, tCount } from '@/utils/i18n';
import { looksLikeEmail } from '@/utils/amplitude/emails';
import { isolatedText as visible } from '@/utils/text/visible-text';

export const RECIPIENT_ACTIVE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DialogReading {
  /** Each person listed: the name shown and every email shown for them (see remove-dialog.ts). */
  people: { name: string; emails: string[] }[];
  transfer: boolean;
  recipientText: string;
  /** What of the dialog could not be found or read, in words. */
  missing: string[];
}

export interface DataState {
  status: 'loading' | 'ready' | 'refreshing' | 'error';
  snapshot: OrgSnapshot | null;
  report: AccessReport | null;
  error: string | null;
}

export interface AssessedPerson extends AuditPerson {
  /** Owns at least one chart, dashboard, cohort or notebook; null: not counted (unknown, never "nothing"). */
  ownsContent: boolean | null;
}

/** What one person's content count came to: the counts, or why they could not be had. */
export type ContentRead = { counts: ContentCounts } | { error: string };

/**
 * `checking`: the data is not fresh yet (from the cache, or older than the dialog); a fresh read
 * is under way and nothing is decided until it is in.
 */
export type Verdict = 'safe' | 'confirm' | 'refuse' | 'checking';

export interface Assessment {
  verdict: Verdict;
  people: AssessedPerson[];
  /** Why it cannot be done at all (verdict 'refuse'). */
  refusals: string[];
  /** Content would be orphaned: transfer off and someone owns content. */
  orphans: boolean;
  /** Everything that needs the admin's explicit confirmation, in words (what is unknown included). */
  warnings: string[];
  /** What Admin Lens could not read or tell, in words: a removal confirmed past these is "unverified". */
  unknowns: string[];
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

const sameText = (a: string, b: string) => a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();

type Identified = { member: Member; problem: null } | { member: null; problem: string };

/**
 * Who a listed person is: an email shown for them must be a member's, and the name shown must be
 * that member's name. A name that looks like an email never decides: the person is then found by
 * another email shown beside it, or, when the name is the only email shown (a pending invitee's
 * name is their email), it must be a member whose name is that very email. A mismatch is unknown.
 */
function identify(listed: DialogReading['people'][number], snapshot: OrgSnapshot): Identified {
  // In sentences, names and emails from the dialog and the data show their hidden characters (`visible`).
  const label = visible(listed.name || listed.emails[0] || '(no name)');
  const nameIsEmail = looksLikeEmail(listed.name);
  const shown = listed.emails.map((email) => email.trim().toLowerCase());
  const others = nameIsEmail ? shown.filter((email) => !sameText(email, listed.name)) : shown;
  const emails = others.length > 0 ? others : nameIsEmail ? [listed.name.trim().toLowerCase()] : [];
  if (emails.length === 0) return { member: null, problem: `Admin Lens could not read the email of "${label}" in the dialog, so it cannot tell who that is.` };
  const byEmail = new Map(snapshot.members.map((member) => [member.email.toLowerCase(), member]));
  const candidates = [...new Set(emails.map((email) => byEmail.get(email)).filter((member): member is Member => member !== undefined))];
  const matching = candidates.filter((member) => sameText(member.name, listed.name));
  if (matching.length === 1) return { member: matching[0]!, problem: null };
  if (matching.length > 1) return { member: null, problem: `"${label}" is shown with the emails of several members (${emails.map(visible).join(', ')}): Admin Lens cannot tell who is being removed.` };
  if (candidates.length === 0) return { member: null, problem: `${emails.map(visible).join(', ')} is not in the org data Admin Lens read, so their content and access are unknown.` };
  const other = candidates[0]!;
  return { member: null, problem: `The dialog shows "${label}" with ${visible(other.email)}, but in the org data ${visible(other.email)} is "${visible(other.name)}": Admin Lens cannot tell who is being removed.` };
}

export interface AssessOptions {
  /** The org data is fresh enough to judge (not from the cache, read since the dialog opened). */
  fresh: boolean;
  /**
   * Content counted for this dialog, by member id (the console's content search). Without an entry
   * a member's content is what the snapshot says, and unknown when it says nothing.
   */
  content?: ReadonlyMap<string, ContentRead>;
}

/** The org role as the audit log keeps it: the role, or "role code 7" as read. */
const auditRole = (role: MemberOrgRole): string => (typeof role === 'string' ? role : `role code ${role.code}`);

export function assessRemoval(reading: DialogReading, data: DataState, now: number, options: AssessOptions = { fresh: true }): Assessment {
  const refusals: string[] = [];
  const warnings: string[] = [];
  const unknowns: string[] = [];
  const { snapshot, report } = data;

  if (reading.missing.length > 0) unknowns.push(`Admin Lens could not find ${reading.missing.join('; ')} in the dialog, so it cannot check this removal.`);
  if (reading.people.length === 0) unknowns.push('Admin Lens could not tell who is being removed.');
  if (!snapshot) {
    unknowns.push(
      data.status === 'error'
        ? `Admin Lens could not read the org (${data.error ?? 'unknown error'}), so it cannot check who owns content or who the Admins are.`
        : 'Admin Lens is still reading the org, so it cannot yet check who owns content or who the Admins are.',
    );
  } else if (data.status === 'error') {
    unknowns.push(`Admin Lens could not read the org again (${data.error ?? 'unknown error'}); what it knows is from ${snapshot.readAt} and may be out of date, so it cannot check this removal.`);
  }

  const contentUnknown: string[] = [];
  const people: AssessedPerson[] = reading.people.map((listed) => {
    const found = snapshot ? identify(listed, snapshot) : null;
    if (found?.problem) unknowns.push(found.problem);
    const member = found?.member ?? undefined;
    const summary = member ? report?.members.get(member.id)?.summary : undefined;
    const counted = member ? options.content?.get(member.id) : undefined;
    const content = counted && 'counts' in counted ? counted.counts : (member?.content ?? null);
    if (member && !content) contentUnknown.push(t('rgContentUnknown', { who: visible(member.name || member.email), reason: counted && 'error' in counted ? counted.error : t('rgContentNotCounted') }));
    return {
      name: member?.name ?? listed.name,
      email: member?.email ?? listed.emails[0] ?? null,
      memberId: member?.id ?? null,
      access: summary ? describeAccessSummary(summary, snapshot?.customRoleNames, member?.orgRole) : null,
      orgRole: member ? auditRole(member.orgRole) : null,
      content: content ? { ...content } : null,
      ownsContent: content ? totalContent(content) > 0 : null,
    };
  });
  // Unknown content is never "nothing": without a transfer it may be orphaned.
  if (!reading.transfer) unknowns.push(...contentUnknown);

  if (snapshot) {
    const selected = new Set(people.map((person) => person.memberId).filter((id): id is string => id !== null));
    const viewer = snapshot.members.find((member) => member.id === snapshot.viewerId);
    if (snapshot.viewerId === null) unknowns.push(t('rgViewerUnknown'));
    else if (selected.has(snapshot.viewerId)) {
      refusals.push(`You cannot remove yourself${viewer ? ` (${visible(viewer.name)}, signed in)` : ''}: Amplitude does not allow it, and you would lose access to the organization.`);
    }
    const admins = snapshot.members.filter((member) => member.status === 'joined' && member.orgRole === 'admin');
    const selectedAdmins = admins.filter((admin) => selected.has(admin.id));
    if (admins.length === 1 && selectedAdmins.length === 1 && selectedAdmins[0]) {
      refusals.push(`${visible(selectedAdmins[0].name)} is the only Admin; the organization must keep at least one Admin.`);
    } else if (admins.length > 1 && selectedAdmins.length === admins.length) {
      refusals.push('These are all the Admins; the organization must keep at least one Admin.');
    }
  }

  const orphans = !reading.transfer && people.some((person) => person.ownsContent === true);
  if (orphans) warnings.push('Their content will not be transferred and becomes unassigned. This cannot be undone.');

  let recipient: Assessment['recipient'] = null;
  if (reading.transfer) {
    const text = reading.recipientText;
    const textEmail = looksLikeEmail(text) ? text : null;
    const matches = snapshot && text ? snapshot.members.filter((member) => member.status === 'joined' && (textEmail ? sameText(member.email, textEmail) : sameText(member.name, text))) : [];
    const only = matches.length === 1 ? matches[0] : undefined;
    recipient = only ? { name: only.name, email: only.email } : text ? { name: text, email: null } : null;
    if (!text) unknowns.push('No recipient is chosen for the content.');
    else if (!snapshot) {
      // Already said: no data.
    } else if (!only) {
      unknowns.push(
        matches.length > 1
          ? `${matches.length} members are called "${visible(text)}": Admin Lens cannot tell which one receives the content, so it cannot check that the transfer will succeed.`
          : `Admin Lens cannot tell who "${visible(text)}" is, so it cannot check that the transfer will succeed.`,
      );
    } else if (people.some((person) => person.memberId === only.id)) {
      warnings.push(`${visible(only.name)} is being removed too, so they cannot receive the content.`);
    } else if (!snapshot.pieces.projectRoles.read) {
      // Last active is not readable on this console: the 30-day rule cannot be checked.
      unknowns.push(t('rgRecipientActivityUnknown', { name: visible(only.name) }));
    } else {
      const last = only.lastActiveAt ? Date.parse(only.lastActiveAt) : null;
      if (last === null || now - last > RECIPIENT_ACTIVE_DAYS * DAY_MS) {
        const since = last === null ? 'has never been active' : `was last active ${Math.floor((now - last) / DAY_MS)} days ago`;
        warnings.push(`${visible(only.name)} ${since}: the transfer will fail, because the recipient must have been active in the last ${RECIPIENT_ACTIVE_DAYS} days.`);
      }
    }
  }

  warnings.push(...unknowns);
  const verdict: Verdict = refusals.length > 0 ? 'refuse' : !options.fresh ? 'checking' : warnings.length > 0 ? 'confirm' : 'safe';
  const signature = JSON.stringify([people.map((person) => person.memberId ?? person.email ?? person.name), reading.transfer, reading.recipientText, verdict, warnings]);
  return { verdict, people, refusals, orphans, warnings, unknowns, recipient, signature };
}
