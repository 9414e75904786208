/**
 * The union engine of orgs with custom roles (RBAC), built as its own file and loaded by the
 * Members page's org data only for a snapshot that holds custom roles
 * (members.content/access-permissions-file.ts): the permission catalogue, each cell's union of
 * permissions (permission-union.ts), the permission findings (permission-findings.ts) and the badge
 * words that name custom roles (union-words.ts).
 */
import { withPermissionFindings } from '@/utils/access/permission-findings';
import { permissionModelOf } from '@/utils/access/permission-union';
import { describeUnionAccess } from '@/utils/access/union-words';
import { ACCESS_PERMISSIONS_GLOBAL, type AccessPermissionsFile } from './members.content/access-permissions-file';

export default defineUnlistedScript(() => {
  const file: AccessPermissionsFile = {
    withPermissionFindings,
    describeUnionAccess: (access, snapshot, names) => describeUnionAccess(access, permissionModelOf(snapshot), names),
  };
  (globalThis as Record<string, unknown>)[ACCESS_PERMISSIONS_GLOBAL] = file;
});
