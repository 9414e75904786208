/**
 * The numeric `orgRole` of the [code] operations `Users` and `OrgData` (console-reference.md,
 * section 7). Only `4` = Admin is public [code]; every other number is our guess [guess], kept in
 * this one table so the double's answers (and anyone reading them) agree. The extension keeps its
 * own copy of the same table and shows a number it does not know as "role code N".
 *
 * No zod here: the page's bundle may import it.
 */
import type { OrgRole } from './seed';

export const ORG_ROLE_CODE: Readonly<Record<OrgRole, number>> = {
  /** [guess] The org role of everyone but Admins when project-level permissions are on. */
  user: 0,
  /** [guess] */
  viewer: 1,
  /** [guess] */
  member: 2,
  /** [guess] */
  manager: 3,
  /** [code] */
  admin: 4,
};

export const orgRoleCode = (role: OrgRole): number => ORG_ROLE_CODE[role];

/** The seed's role for a number, or null for one the table does not know. */
export function orgRoleOfCode(code: number): OrgRole | null {
  const found = (Object.entries(ORG_ROLE_CODE) as [OrgRole, number][]).find(([, value]) => value === code);
  return found ? found[0] : null;
}
