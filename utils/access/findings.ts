/**
 * Findings: what an admin should look at, each a stable code with the facts behind it (finding.ts)
 * and the ids of the members, projects and groups involved; the words are made by the UI
 * (finding-words.ts). Org-wide checks (Admins) and member-wide checks live here; cell-level ones in
 * cell-findings.ts. Pure: nothing of the browser or its i18n.
 */
import { cellFindings, createCellInspector } from './cell-findings';
import { type Finding, makeFinding } from './finding';
import type { Member, OrgSnapshot } from './model';
import type { AccessReport, MemberAccess } from './report';
import { hasBidiControls, hasHiddenCharacters, hiddenCodePoints } from '../text/visible-text';

export type { Finding, FindingCode, FindingOf, FindingParamsByCode, FindingPerson, FindingSeverity } from './finding';

export interface FindingOptions {
  /** More joined Admins than this is a finding (default 3). */
  maxAdmins?: number;
  /** A pending invite older than this many days is stale (default 14). */
  staleInviteDays?: number;
  /** The moment invites are aged against (default: the snapshot's `readAt`, so results are reproducible). */
  now?: string | number | Date;
}

export const DEFAULT_MAX_ADMINS = 3;
export const DEFAULT_STALE_INVITE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The part of a report findings are computed from. */
export type AccessPicture = Pick<AccessReport, 'mode' | 'projects' | 'members'>;

/** Org-wide findings first, then member by member in the snapshot's order. */
export function findAccessFindings(snapshot: OrgSnapshot, picture: AccessPicture, options: FindingOptions = {}): Finding[] {
  const rules = createFindingRules(snapshot, picture, options);
  const findings: Finding[] = [...rules.orgWide];
  for (const access of picture.members.values()) rules.ofMember(access, findings);
  return findings;
}

export interface FindingRules {
  /** The findings about the org as a whole (Admins); they name the members involved. */
  orgWide: readonly Finding[];
  /**
   * The findings about one member alone, in the order `findAccessFindings` lists them, appended to
   * `into` (a report's list: no array per member) and returned; a new list when `into` is not given.
   */
  ofMember(access: MemberAccess, into?: Finding[]): Finding[];
}

/**
 * The rules behind `findAccessFindings`, so that one member's findings can be had before every
 * member is computed (the badges of the visible rows first). Cell inspections are shared.
 */
export function createFindingRules(snapshot: OrgSnapshot, picture: Pick<AccessPicture, 'mode' | 'projects'>, options: FindingOptions = {}): FindingRules {
  const orgWide = adminFindings(snapshot.members, options.maxAdmins ?? DEFAULT_MAX_ADMINS);
  const nowMs = timeOf(options.now ?? snapshot.readAt);
  const staleAfterMs = (options.staleInviteDays ?? DEFAULT_STALE_INVITE_DAYS) * DAY_MS;
  const cellContext = { mode: picture.mode, projects: picture.projects, inspect: createCellInspector(picture.mode) };

  return {
    orgWide,
    ofMember(access, findings = []) {
      const { member, summary } = access;
      const hidden = hiddenCharacters(member);
      if (hidden) findings.push(hidden);
      // An org Admin is Admin on every project, whatever else applies: nothing to untangle there.
      // Access that could not be read is never judged: a finding from part of it would be a guess.
      if (summary.accessKnown) {
        if (!summary.isOrgAdmin) for (const finding of cellFindings(access, cellContext)) findings.push(finding);
        if (summary.hasDirectGrants && summary.hasGroupGrants) findings.push(mixedManagement(access));
        if (member.status === 'joined' && !summary.isOrgAdmin && summary.projectCount > 0 && summary.projectsWithAccess === 0) {
          findings.push(noAccess(member));
        }
      }
      if (member.status === 'pending') {
        // Parsed only for invites: a date parse per member was a measurable part of a large report.
        const inviteAgeMs = nowMs - timeOf(member.invitedAt);
        if (inviteAgeMs > staleAfterMs) findings.push(staleInvite(member, Math.floor(inviteAgeMs / DAY_MS)));
      }
      return findings;
    },
  };
}

function timeOf(value: string | number | Date): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`Not a time: ${String(value)}`);
  return ms;
}

function adminFindings(members: readonly Member[], maxAdmins: number): Finding[] {
  // Pending Admins cannot act yet, so they neither relieve a sole Admin nor add to the count.
  const admins = members.filter((member) => member.orgRole === 'admin' && member.status === 'joined');
  const [only] = admins;
  if (admins.length === 1 && only) return [makeFinding('sole-admin', 'warning', [only.id], { memberIds: [only.id] }, { who: only })];
  if (admins.length > maxAdmins) {
    return [makeFinding('too-many-admins', 'warning', [], { memberIds: admins.map((member) => member.id) }, { count: admins.length, max: maxAdmins })];
  }
  return [];
}

function mixedManagement({ member, groupIds }: MemberAccess): Finding {
  return makeFinding('mixed-management', 'info', [member.id], { memberIds: [member.id], groupIds }, { who: member });
}

function noAccess(member: Member): Finding {
  return makeFinding('no-access', 'warning', [member.id], { memberIds: [member.id] }, { who: member });
}

function staleInvite(member: Member, ageDays: number): Finding {
  return makeFinding('stale-invite', 'info', [member.id], { memberIds: [member.id] }, { email: member.email, days: ageDays, invitedAt: member.invitedAt });
}

/**
 * A name or email with hidden or bidi characters (U+202E makes "Rita fdp.exe" read "Rita exe.pdf"):
 * it may pass for someone else's. A warning when it can reorder what is read, else worth a look.
 * Judged on what was read, so pending invites and unreadable access are checked too.
 */
function hiddenCharacters(member: Member): Finding | null {
  const inName = hasHiddenCharacters(member.name);
  const inEmail = hasHiddenCharacters(member.email);
  if (!inName && !inEmail) return null;
  const bidi = hasBidiControls(member.name) || hasBidiControls(member.email);
  return makeFinding('hidden-characters', bidi ? 'warning' : 'info', [member.id], { memberIds: [member.id] }, {
    who: member,
    inName: inName ? hiddenCodePoints(member.name) : [],
    inEmail: inEmail ? hiddenCodePoints(member.email) : [],
  });
}
