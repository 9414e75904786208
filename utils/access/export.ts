/**
 * The access review export: one row per member and project, as CSV (for spreadsheets) and JSON.
 * Pure: a report in, text out. The download itself is utils/download.ts.
 *
 * Rows: every member (joined and pending, in the report's order) × every project (in the org's
 * order), so the row count is always members × projects. Org Admins appear on every project as
 * Admin (source "Org: Admin"); people without access appear with effective role "No Access" and no
 * sources, so a reviewer sees the absence too. People whose project access the console did not let
 * us read get effective role "Unknown" and only their org role as a source: never a guess.
 *
 * CSV follows RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF in double quotes, inner
 * quotes doubled. Page data is untrusted: a cell starting with `=`, `+`, `-`, `@`, tab or carriage
 * return would be read by a spreadsheet as a formula, so it gets a leading `'` (OWASP's advice for
 * CSV injection). JSON is data for programs and is written as is.
 *
 * Names that lie: a CSV is read by people in a spreadsheet, which would apply a name's bidi
 * override or hide its zero-width space just as a page does. So in the CSV, page data (names,
 * emails, projects, groups) has each hidden character replaced by its visible marker (⟨U+202E⟩,
 * utils/text/visible-text.ts): the file cannot pass one person off as another, and a marker says
 * exactly which character was there. The JSON keeps the exact values: programs compare them, and
 * are not fooled by how they render.
 *
 * Findings carry codes and facts; their words come from the caller (`describe`, the UI's
 * finding-words.ts), so this file stays pure. Each finding's words are made once.
 */
import type { Finding } from './finding';
import type { CustomRoleRef, MemberOrgRole } from './model';
import type { PermissionModel } from './permission-union';
import { holdsCustomRole } from './custom-roles';
import type { AccessReport, AccessSource, ProjectAccess } from './report';
import { type CustomRoleNames, type Role, roleLabel } from './roles';
import { visibleText } from '../text/visible-text';

/** The words of a finding (utils/access/finding-words.ts in the extension). */
export type DescribeFinding = (finding: Finding, names?: CustomRoleNames) => { explanation: string; fix: string };

export const ACCESS_REVIEW_COLUMNS = [
  'email',
  'name',
  'status',
  'org role',
  'project',
  'effective role',
  'sources',
  'deciding source',
  'finding codes',
  'findings',
] as const;

export interface AccessReviewSource {
  kind: AccessSource['kind'];
  /** For group sources. */
  groupId?: string;
  groupName?: string;
  role: string;
}

export interface AccessReviewRow {
  memberId: string;
  email: string;
  name: string;
  status: 'joined' | 'pending';
  orgRole: string;
  projectId: string;
  project: string;
  effectiveRole: string;
  sources: AccessReviewSource[];
  deciding: AccessReviewSource[];
  findings: { code: Finding['code']; severity: Finding['severity']; explanation: string; fix: string }[];
}

const ORG_ROLE_LABEL: Record<string, string> = { viewer: 'Viewer', member: 'Member', manager: 'Manager', admin: 'Admin', user: 'User' };

/** Unknown effective access, in the file's (English) words. */
export const UNKNOWN_ACCESS = 'Unknown (not readable on this console)';

function orgRoleLabel(role: MemberOrgRole, names?: CustomRoleNames): string {
  if (typeof role !== 'string') return `role code ${role.code}`;
  return role === 'user' ? 'User' : (names?.[role] ?? ORG_ROLE_LABEL[role] ?? role);
}

function toSource(source: AccessSource, names?: CustomRoleNames): AccessReviewSource {
  // A custom role (RBAC) by its own name, never its ranked stand-in.
  const role = source.kind !== 'org' && source.customRole ? source.customRole.name : roleLabel(source.role, names);
  return source.kind === 'group' ? { kind: 'group', groupId: source.groupId, groupName: source.groupName, role } : { kind: source.kind, role };
}

/** "Org: Admin", "Direct: Viewer", "Group Engineering Leads: Manager". */
export function describeExportSource(source: AccessReviewSource): string {
  switch (source.kind) {
    case 'org':
      return `Org: ${source.role}`;
    case 'direct':
      return `Direct: ${source.role}`;
    case 'group':
      return `Group ${source.groupName ?? source.groupId ?? ''}: ${source.role}`;
  }
}

/** Every member × project pair, members in the report's order, projects in the org's order. */
/**
 * The effective role in the file's words. A cell holding a custom role (RBAC) has no rank: it reads as
 * the assigned role covering the union, or the roles combined ("Analyst + Marketing"); without the
 * role definitions (no `model`, or their read failed), the roles held and that their permissions
 * are not readable. Never the ranked stand-in.
 */
function effectiveRoleOf(access: ProjectAccess | undefined, names: CustomRoleNames | undefined, model: PermissionModel | null): string {
  if (!access || !holdsCustomRole(access)) return roleLabel(access?.role ?? 'no_access', names);
  const nameOf = (custom: CustomRoleRef | null | undefined, role: Role) => (custom ? custom.name : roleLabel(role, names));
  const permissions = model?.cellPermissions(access);
  if (permissions?.readable) return permissions.shown.map((held) => nameOf(held.custom, held.role)).join(' + ');
  const held = [...new Set(access.sources.map((source) => nameOf(source.kind === 'org' ? null : source.customRole, source.role)))];
  return `${held.join(', ')} (permissions not readable)`;
}

export function accessReviewRows(report: AccessReport, describe: DescribeFinding, names?: CustomRoleNames, model: PermissionModel | null = null): AccessReviewRow[] {
  const words = new Map<Finding, { explanation: string; fix: string }>();
  const wordsOf = (finding: Finding) => {
    let said = words.get(finding);
    if (!said) words.set(finding, (said = describe(finding, names)));
    return said;
  };
  // Findings by member, once; a finding applies to a row when it names the project or no project.
  const findingsByMember = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    for (const id of finding.memberIds) {
      const list = findingsByMember.get(id);
      if (list) list.push(finding);
      else findingsByMember.set(id, [finding]);
    }
  }
  const rows: AccessReviewRow[] = [];
  for (const { member, perProject, summary } of report.members.values()) {
    const memberFindings = findingsByMember.get(member.id) ?? [];
    report.projects.forEach((project, position) => {
      // Part of the sources is no picture of the access: only the org role is said.
      const access = summary.accessKnown ? perProject[position] : undefined;
      const sources = access?.sources ?? [];
      // The org role is a source only when it grants something ('user' grants nothing): list it anyway,
      // so "Org: User" shows how the person's org role reads.
      const listed = sources.map((source) => toSource(source, names));
      if (!sources.some((source) => source.kind === 'org')) listed.unshift({ kind: 'org', role: orgRoleLabel(member.orgRole, names) });
      rows.push({
        memberId: member.id,
        email: member.email,
        name: member.name,
        status: member.status,
        orgRole: orgRoleLabel(member.orgRole, names),
        projectId: project.id,
        project: project.name,
        effectiveRole: summary.accessKnown ? effectiveRoleOf(access, names, model) : UNKNOWN_ACCESS,
        sources: listed,
        deciding: (access?.deciding ?? []).map((source) => toSource(source, names)),
        findings: memberFindings
          .filter((finding) => finding.projectIds.length === 0 || finding.projectIds.includes(project.id))
          .map((finding) => ({ code: finding.code, severity: finding.severity, ...wordsOf(finding) })),
      });
    });
  }
  return rows;
}

import { toCsv } from '../csv';

export { csvField, neutraliseCell, toCsv } from '../csv';

export function accessReviewCsv(rows: readonly AccessReviewRow[]): string {
  // Page data with its hidden characters as markers (see the top of this file).
  const lines = rows.map((row) => [
    visibleText(row.email),
    visibleText(row.name),
    row.status,
    row.orgRole,
    visibleText(row.project),
    row.effectiveRole,
    visibleText(row.sources.map(describeExportSource).join('; ')),
    visibleText(row.deciding.map(describeExportSource).join('; ')),
    row.findings.map((finding) => finding.code).join(', '),
    row.findings.map((finding) => `${finding.explanation} ${finding.fix}`).join(' | '),
  ]);
  return toCsv([[...ACCESS_REVIEW_COLUMNS], ...lines]);
}

export interface AccessReviewMeta {
  org: { url: string; name: string };
  /** When the data was read from the console. */
  readAt: string;
  exportedAt: string;
}

export function accessReviewJson(rows: readonly AccessReviewRow[], meta: AccessReviewMeta): string {
  return `${JSON.stringify({ kind: 'admin-lens-access-review', version: 1, ...meta, rowCount: rows.length, rows }, null, 2)}\n`;
}

/** `admin-lens-access-review-<orgUrl>-<YYYY-MM-DD>.<ext>`, the date in local time. */
export function accessReviewFileName(orgUrl: string, date: Date, extension: 'csv' | 'json'): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const org = orgUrl.replace(/[^A-Za-z0-9._-]+/g, '_') || 'org';
  return `admin-lens-access-review-${org}-${day}.${extension}`;
}
