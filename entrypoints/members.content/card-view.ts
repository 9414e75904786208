/**
 * What the breakdown card says about one member, from the access report: pure functions, unit-tested
 * without a page. Part of the card's own file (entrypoints/access-card.ts), with what each role may
 * do and, for custom roles (RBAC), the union of permissions: none of it is in the Members page's file.
 */
import type { Finding } from '@/utils/access/finding';
import { findingWords } from '@/utils/access/finding-words';
import type { OrgSnapshot } from '@/utils/access/model';
import { describeCapabilities } from '@/utils/access/permissions';
import type { AccessReport, MemberAccess, ProjectAccess } from '@/utils/access/report';
import { type CustomRoleNames, compareRoles, grantsAccess, type Role, roleLabel } from '@/utils/access/roles';
import { describeAccessSummary, describeOrgRole } from '@/utils/access/access-words';
import { permissionModelOf } from '@/utils/access/permission-union';
import { describeUnionAccess } from '@/utils/access/union-words';
import { t } from '@/utils/i18n';
import { isolatedText } from '@/utils/text/visible-text';
import { displayName, sourceLabel } from './access-badges-model';
import { cardPermissions, type CardPermissions } from './card-permissions';

const quotedList = (names: readonly string[]) => {
  const quoted = names.map((name) => `'${isolatedText(name)}'`);
  return quoted.length <= 1 ? quoted.join('') : t('listAnd', { list: quoted.slice(0, -1).join(', '), last: quoted[quoted.length - 1]! });
};

/** Whether and how the role on a project can be lowered from this page; null when there is nothing to lower. */
export function loweringText(access: ProjectAccess, names?: CustomRoleNames): string | null {
  if (!grantsAccess(access.role)) return null;
  if (access.canLowerIndividually) return t('lowerHere');
  switch (access.loweringBlockedBy) {
    case 'org-admin':
      return t('lowerOrgAdmin', { role: roleLabel('admin', names) });
    case 'group': {
      const groups = access.deciding.flatMap((source) => (source.kind === 'group' ? [source.groupName] : []));
      return groups.length > 1
        ? t('lowerGroups', { groups: quotedList(groups) })
        : t('lowerGroup', { groups: quotedList(groups) });
    }
    default:
      return null;
  }
}

export interface CardSource {
  label: string;
  decides: boolean;
}

export interface CardProject {
  id: string;
  name: string;
  role: string;
  hasAccess: boolean;
  sources: CardSource[];
  lowering: string | null;
  canLower: boolean;
  /** Set on projects where a custom role (RBAC) is held: the union of permissions, by product area. */
  permissions?: CardPermissions;
}

export interface CardFinding {
  key: string;
  warning: boolean;
  explanation: string;
  fix: string;
}

export interface CardView {
  name: string;
  email: string;
  pending: boolean;
  summary: string;
  projects: CardProject[];
  findings: CardFinding[];
  /** One sentence per effective role held, highest first: what that role may do. */
  capabilities: string[];
  /** Set when the person's project access could not be read here: said instead of the projects. */
  unreadable: string | null;
}

/** Everything the breakdown card shows about one member. */
export function cardView(
  report: Pick<AccessReport, 'projects'> & { snapshot?: OrgSnapshot },
  access: MemberAccess,
  findings: readonly Finding[],
  names?: CustomRoleNames,
): CardView {
  const model = report.snapshot ? permissionModelOf(report.snapshot) : null;
  const base = {
    name: displayName(access.member),
    email: access.member.email,
    pending: access.member.status === 'pending',
    summary: (model ? describeUnionAccess(access, model, names) : null) ?? describeAccessSummary(access.summary, names, access.member.orgRole),
    findings: findings.map((finding) => ({ key: finding.key, warning: finding.severity === 'warning', ...findingWords(finding, names) })),
  };
  if (!access.summary.accessKnown) {
    // Part of the sources is no picture of the access: only the org role, read, is said.
    return { ...base, projects: [], capabilities: [], unreadable: t('cardAccessUnreadable', { role: describeOrgRole(access.member.orgRole, names) }) };
  }
  const perProject = access.perProject; // made afresh on each read: once here
  const projects = report.projects.map((project, index): CardProject => {
    const cell = perProject[index];
    if (!cell) return { id: project.id, name: project.name, role: roleLabel('no_access', names), hasAccess: false, sources: [], lowering: null, canLower: false };
    const permissions = model ? cardPermissions(cell, model, names) : null;
    if (permissions) {
      // A custom role has no rank: no source "decides", every one adds its permissions (the union).
      return {
        id: project.id,
        name: project.name,
        role: permissions.role,
        hasAccess: true,
        sources: cell.sources.map((source) => ({ label: sourceLabel(source, names), decides: false })),
        lowering: null,
        canLower: false,
        permissions,
      };
    }
    return {
      id: project.id,
      name: project.name,
      role: roleLabel(cell.role, names),
      hasAccess: grantsAccess(cell.role),
      sources: cell.sources.map((source) => ({ label: sourceLabel(source, names), decides: cell.deciding.includes(source) })),
      lowering: loweringText(cell, names),
      canLower: cell.canLowerIndividually,
    };
  });
  // A custom role's ranked stand-in is no role the person holds: what it may do is in its project's permissions.
  const held = new Set<Role>(projects.flatMap((project, index) => (project.permissions ? [] : [perProject[index]?.role ?? 'no_access'])).filter(grantsAccess));
  if (access.summary.isOrgAdmin) held.add('admin');
  const capabilities = [...held].sort((a, b) => compareRoles(b, a)).map((role) => describeCapabilities(role, { customNames: names }));
  return { ...base, projects, capabilities, unreadable: null };
}
