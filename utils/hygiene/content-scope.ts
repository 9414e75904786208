/**
 * Whose content the hygiene report reads. The content search costs one to five requests a person
 * (utils/amplitude/content-counts.ts): on a 5,000-person org, reading everyone's would be thousands
 * of searches for a report that lists a handful. What people own decides only two things
 * (hygiene-report.ts, activity.ts):
 * - the content-owner category, which is only ever given to someone listed for another reason;
 * - the activity proxy (the last content change), used only when the console's data carries no
 *   last-active dates.
 * So with last-active dates, the people to read are exactly those the report lists without any
 * content (the listing cannot change once content is known); without them, every joined person's
 * activity hangs on their content, and everyone joined is read (and the report says why). Pending
 * invitees own nothing yet and are never read. Pure.
 */
import type { OrgSnapshot } from '../access/model';
import type { AccessReport } from '../access/report';
import { lastActiveReadable } from './activity';
import { buildHygieneReport, type HygieneOptions } from './hygiene-report';

export interface ContentScope {
  /** The people whose content is read, in the report's order. */
  people: { id: string; email: string }[];
  /** Joined people in the org. */
  joined: number;
  /** True when everyone joined is read because the content is the only activity data. */
  forActivity: boolean;
}

export function contentScope(snapshot: Pick<OrgSnapshot, 'pieces' | 'readAt'>, report: AccessReport, options: HygieneOptions): ContentScope {
  const joined = [...report.members.values()].map(({ member }) => member).filter((member) => member.status === 'joined');
  if (!lastActiveReadable(snapshot)) return { people: joined.map(({ id, email }) => ({ id, email })), joined: joined.length, forActivity: true };
  const listed = new Set(buildHygieneReport(snapshot, report, null, options).rows.map((row) => row.memberId));
  return { people: joined.filter((member) => listed.has(member.id)).map(({ id, email }) => ({ id, email })), joined: joined.length, forActivity: false };
}
