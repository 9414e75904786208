/**
 * [guess] The console's data endpoint. Public (console-reference.md, section 7): GraphQL-style POSTs
 * to `/t/graphql/org-url/<orgUrl>?q=<OperationName>` with `{operationName, variables, query}`,
 * the session cookie and an `x-org: <orgId>` header. NOT public: every operation name, variable
 * and field below. They are our assumption (mirrored by the console double) and the one place to
 * correct when the real console is seen.
 *
 * A page reached by its numeric address (`/analytics/org/<orgId>/...`) knows no org URL: its reads
 * go to `/t/graphql/org/<orgId>?q=<OperationName>` [guess: the id-addressed twin of the org-url
 * route], with `x-org: <orgId>` from the first request on.
 */
import { orgIdOfKey } from './page';

export const GRAPHQL_PATH = '/t/graphql/org-url/';
/** [guess] The endpoint of an org addressed by its numeric id. */
export const GRAPHQL_ORG_ID_PATH = '/t/graphql/org/';

/** [guess] Page size for paged reads; the double allows up to 100. */
export const PAGE_SIZE = 100;

/** [guess] Operation names and their query texts. */
export const OPERATIONS = {
  OrgSettings: 'query OrgSettings { org { id url name plan projectLevelPermissions rbac } viewer { id email name orgRole } now }',
  Projects: 'query Projects { projects { id name description } }',
  TeamsAndSpaces: 'query TeamsAndSpaces { teams { id name } teamSpaces { id name } }',
  OrgMembers:
    'query OrgMembers($status: MemberStatus!, $search: String, $first: Int, $after: String) { members(status: $status, search: $search, first: $first, after: $after) { nodes { id email name status orgRole teamId projectRoles { projectId role } groupIds invitedAt joinedAt lastActiveAt content { charts dashboards cohorts notebooks } } pageInfo { endCursor hasNextPage } totalCount } }',
  PermissionGroups:
    'query PermissionGroups($first: Int, $after: String) { groups(first: $first, after: $after) { nodes { id name description projectRoles { projectId role } defaultProjectId teamSpaceIds memberIds } pageInfo { endCursor hasNextPage } totalCount } }',
} as const;

export type OperationName = keyof typeof OPERATIONS;

/** Where an operation goes, for an org key from the page's address (a URL slug, or `org/<id>`). */
export function endpointUrl(origin: string, orgUrl: string, operation: OperationName): string {
  const orgId = orgIdOfKey(orgUrl);
  const org = orgId === null ? `${GRAPHQL_PATH}${encodeURIComponent(orgUrl)}` : `${GRAPHQL_ORG_ID_PATH}${orgId}`;
  return `${origin}${org}?q=${operation}`;
}
