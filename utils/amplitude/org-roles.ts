/**
 * The console's org role numbers (`orgRole` in `Users` and `OrgData.currentUser`).
 *
 * [code] 4 is Admin (public code that drives the console says so). Every other number is our
 * [guess], in this one table: 0 User (the non-Admin role of project-level orgs), 1 Viewer, 2 Member,
 * 3 Manager. A number not in the table is kept as it was read (`{code}`) and shown as "role code N",
 * never mapped to a role.
 */
import type { MemberOrgRole, OrgRole } from '@/utils/access/model';

export const ORG_ROLE_CODES: Readonly<Record<number, OrgRole>> = {
  4: 'admin', // [code]
  0: 'user', // [guess]
  1: 'viewer', // [guess]
  2: 'member', // [guess]
  3: 'manager', // [guess]
};

export function orgRoleOfCode(code: number): MemberOrgRole {
  return ORG_ROLE_CODES[code] ?? { code };
}
