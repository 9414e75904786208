/**
 * The ids custom roles name permissions by. The catalogue is Amplitude's public RBAC permission list
 * [doc] (`utils/access/rbac-permissions.json`, the shared reference's copy); it has titles, no ids,
 * so an id is the title in lowercase words joined by hyphens ("Manage API keys" -> "manage-api-keys")
 * [guess: how the console names permissions is not public].
 */
import catalogue from '../../../utils/access/rbac-permissions.json' with { type: 'json' };

export function permissionIdOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Every permission id of the catalogue. */
export const PERMISSION_IDS: ReadonlySet<string> = new Set(catalogue.permissions.map((permission) => permissionIdOf(permission.title)));

/** Permissions only the Admin role holds: a custom role cannot be given them [doc]. */
export const ADMIN_ONLY_PERMISSION_IDS: ReadonlySet<string> = new Set(
  catalogue.permissions.filter((permission) => permission.default_roles.every((role) => role === 'admin')).map((permission) => permissionIdOf(permission.title)),
);
