/**
 * [guess] The console's data endpoint. Public (console-reference.md, section 7): GraphQL-style POSTs
 * to `/t/graphql/org-url/<orgUrl>?q=<OperationName>` with `{operationName, variables, query}`,
 * the session cookie and an `x-org: <orgId>` header. NOT public: every operation name, variable
 * and field below. They are our assumption (mirrored by the console double) and the one place to
 * correct when the real console is seen.
 */

export const GRAPHQL_PATH = '/t/graphql/org-url/';

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

export function endpointUrl(origin: string, orgUrl: string, operation: OperationName): string {
  return `${origin}${GRAPHQL_PATH}${encodeURIComponent(orgUrl)}?q=${operation}`;
}
