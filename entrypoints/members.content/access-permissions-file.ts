/**
 * The union engine of orgs with custom roles (Enterprise RBAC) is its own file
 * (entrypoints/access-permissions.ts): the permission catalogue, each cell's union of permissions,
 * the permission findings and the badge words that name custom roles. An org without custom roles
 * never needs it, and it was an eighth of the Members page's file, so the page's org data loads it
 * (members.content/org-data.ts) only for a snapshot that holds custom roles, before the first
 * badge of that snapshot is drawn: no one is shown a ranked stand-in meanwhile, only "reading".
 * This is its shape (types only) and its loader.
 */
import type { PermissionFindings } from '@/utils/access/engine';
import type { OrgSnapshot } from '@/utils/access/model';
import type { MemberAccess } from '@/utils/access/report';
import type { CustomRoleNames } from '@/utils/access/roles';
import { snapshotHoldsCustomRoles } from '@/utils/access/custom-roles';
import { unlistedFileLoader } from './load-unlisted';

export const ACCESS_PERMISSIONS_FILE = '/access-permissions.js';
export const ACCESS_PERMISSIONS_GLOBAL = '__adminLensAccessPermissions';

export interface AccessPermissionsFile extends PermissionFindings {
  /**
   * A badge's words for someone holding custom roles ("Analyst + Marketing in 1 of 8 projects, …",
   * or that their permissions could not be read); null for someone holding none (the ranked words apply).
   */
  describeUnionAccess(access: MemberAccess, snapshot: OrgSnapshot, names?: CustomRoleNames): string | null;
}

/** Loads the file once, on first use (a failed load is tried again next time). */
export const loadAccessPermissions = unlistedFileLoader<AccessPermissionsFile>(
  ACCESS_PERMISSIONS_FILE,
  ACCESS_PERMISSIONS_GLOBAL,
  () => `${ACCESS_PERMISSIONS_FILE} did not load`,
);

/** The file when this snapshot holds custom roles (loaded if need be); undefined when it holds none. */
export async function accessPermissionsFor(snapshot: OrgSnapshot): Promise<AccessPermissionsFile | undefined> {
  return snapshotHoldsCustomRoles(snapshot) ? loadAccessPermissions() : undefined;
}
