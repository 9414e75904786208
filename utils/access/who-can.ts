/**
 * "Who can...?": everyone who holds one permission, on which projects, and through which sources.
 * Pure: a report and its snapshot in, rows out. Default roles answer from the catalogue (a cell's
 * every source whose role holds the permission); cells with a custom role from their union
 * (permission-union.ts). People whose access, or whose custom role's permissions, could not be
 * read are listed apart: never said to hold, nor to lack, what was not read.
 */
import { DEFAULT_ROLE_PERMISSIONS } from './permission-catalogue';
import type { Member, OrgSnapshot, Project } from './model';
import { permissionModelOf, type PermissionModel } from './permission-union';
import { holdsCustomRole } from './custom-roles';
import type { AccessReport, AccessSource, ProjectAccess } from './report';

export interface WhoCanRow {
  member: Member;
  project: Project;
  /** The sources that give the permission there. */
  sources: readonly AccessSource[];
}

export interface WhoCanAnswer {
  rows: readonly WhoCanRow[];
  /** People for whom it could not be said (access or a custom role's permissions not read). */
  unknown: readonly Member[];
}

/** The sources of a cell that give `permission`; null when the cell's custom role could not be read. */
export function sourcesGranting(cell: ProjectAccess, permission: string, model: PermissionModel): readonly AccessSource[] | null {
  if (holdsCustomRole(cell)) {
    const permissions = model.cellPermissions(cell);
    if (!permissions.readable) return null;
    return permissions.permissions.find((entry) => entry.permission === permission)?.sources ?? [];
  }
  return cell.sources.filter((source) => DEFAULT_ROLE_PERMISSIONS[source.role].has(permission));
}

export function whoCan(report: Pick<AccessReport, 'members' | 'projects'>, snapshot: OrgSnapshot, permission: string, projectId: string | null = null): WhoCanAnswer {
  const model = permissionModelOf(snapshot);
  const rows: WhoCanRow[] = [];
  const unknown: Member[] = [];
  const positions = projectId === null ? report.projects.map((_project, position) => position) : [report.projects.findIndex((project) => project.id === projectId)].filter((position) => position >= 0);
  for (const access of report.members.values()) {
    if (!access.summary.accessKnown) {
      unknown.push(access.member);
      continue;
    }
    let unreadable = false;
    for (const position of positions) {
      const cell = access.accessAt(position);
      const project = report.projects[position];
      if (!cell || !project) continue;
      const sources = sourcesGranting(cell, permission, model);
      if (sources === null) unreadable = true;
      else if (sources.length > 0) rows.push({ member: access.member, project, sources });
    }
    if (unreadable) unknown.push(access.member);
  }
  return { rows, unknown };
}
