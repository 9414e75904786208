/**
 * The console's data endpoint: where a read goes and what it asks.
 *
 * Transport [code] (console-reference.md, section 7): GraphQL POSTs with `{operationName,
 * variables, query}`, the session cookies and an `x-org: <numericOrgId>` header, at
 * `/t/graphql/org-url/<orgUrl>?q=<Operation>` or `/t/graphql/org/<orgId>?q=<Operation>`.
 *
 * The org id, and why it matters: every operation but the one that tells it needs `x-org`. It is
 * learned in this order:
 * 1. from the page's address, on `/analytics/org/<orgId>/...` (then every request goes to the
 *    `/t/graphql/org/<orgId>` path with `x-org` from the first request on);
 * 2. from `OrgData` (`org.orgId`), asked first on an `/analytics/<orgUrl>/...` page (the only
 *    request sent without `x-org`, the way a client learns the id [guess: that the console allows
 *    it]).
 * The page's own `window.intercomSettings.org_id` [code] also holds it, but only the page world can
 * read it: a content script would need an injected page script and a message back, a second moving
 * part (and a page global that may go away) for a value `OrgData` gives us anyway.
 *
 * Operations: those marked [code] are named and shaped as public code that drives the real console
 * uses them; those marked [guess] are ours (the console double serves both) and the one place to
 * correct when the real console is seen.
 */
import { orgIdOfKey } from './page';

/** [code] The endpoint of an org addressed by its URL slug. */
export const GRAPHQL_PATH = '/t/graphql/org-url/';
/** [code] The endpoint of an org addressed by its numeric id. */
export const GRAPHQL_ORG_ID_PATH = '/t/graphql/org/';

/** [guess] Page size for our paged [guess] reads; the double allows up to 100. */
export const PAGE_SIZE = 100;

/** [code] Content types `GlobalSearch` knows, as it spells them. */
export const CONTENT_TYPES = ['CHART', 'DASHBOARD', 'COHORT', 'NOTEBOOK'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** [code] Actions `RbacBatchCheckPermissions` is asked about; `REMOVE_USERS` is our [guess] of a name. */
export const RBAC_ACTIONS = { invite: 'INVITE_NEW_USERS', remove: 'REMOVE_USERS' } as const;

/** Operation names and their query texts. */
export const OPERATIONS = {
  /** [code] The org, its projects ("apps") and the signed-in user. Variables `{product: "analytics"}`. */
  OrgData:
    'query OrgData($product: String) { apps { id name } currentUser { loginId email fullName orgRole } org { orgId name url plan createdAt } orgHasAppWithData orgCount planInfo { plan planType } }',
  /** [code] Everyone, joined and pending, in one unpaged list. */
  Users:
    'query Users { users { id alias avatarVersion blurb createdAt defaultAllProjectRole defaultAppId email firstName fullName hasAvatar hasOutstandingInvite isConnectedToSlack lastName loginId name orgRole orgTeam title pronouns } }',
  /** [code] The team spaces. */
  TeamSpaces:
    'query TeamSpaces($fetchItemCountInSpaces: Boolean!) { teamSpaces { itemCount @include(if: $fetchItemCountInSpaces) id spaceId orgId type name description isArchived isDeleted createdBy createdAt permissionLevel public } }',
  /** [code] What the signed-in user may do. */
  RbacBatchCheckPermissions:
    'query RbacBatchCheckPermissions($input: BatchCheckPermissionsInput!) { rbacBatchCheckPermissions(input: $input) { results { action allowed } } }',
  /** [code] Content search; with `owners` and `limit: 1`, `totalHits` counts what a person owns. */
  GlobalSearch:
    'query GlobalSearch($query: String!, $limit: Int!, $owners: [String!], $searchContentTypes: [String!]!) { unisearchContentSearch(query: $query, limit: $limit, owners: $owners, searchContentTypes: $searchContentTypes) { results { entity { entityId name type owners appIds lastModifiedAt lastViewedAt isArchived } } totalHits } }',
  /** [guess] Project-level permissions and RBAC: not in any public code. */
  OrgSettings: 'query OrgSettings { org { projectLevelPermissions rbac } }',
  /** [guess] The list of teams (Users names a person's team, but not every team). */
  TeamsAndSpaces: 'query TeamsAndSpaces { teams { id name } }',
  /** [guess] Per person: direct project roles, groups, joined and last active. Paged, one status at a time. */
  OrgMembers:
    'query OrgMembers($status: MemberStatus!, $search: String, $first: Int, $after: String) { members(status: $status, search: $search, first: $first, after: $after) { nodes { id email projectRoles { projectId role customRoleId customRoleName } groupIds joinedAt lastActiveAt } pageInfo { endCursor hasNextPage } totalCount } }',
  /** [guess] Permission groups with their project roles and members. */
  PermissionGroups:
    'query PermissionGroups($first: Int, $after: String) { groups(first: $first, after: $after) { nodes { id name description projectRoles { projectId role customRoleId customRoleName } defaultProjectId teamSpaceIds memberIds } pageInfo { endCursor hasNextPage } totalCount } }',
  /**
   * [guess] RBAC custom roles with their permissions (catalogue ids, permission-catalogue.ts). How
   * the console's data carries role definitions is not public; grants name a custom role by
   * `customRoleId` and `customRoleName` (also [guess]).
   */
  RoleDefinitions: 'query RoleDefinitions { customRoles { id name description permissions } }',
} as const;

export type OperationName = keyof typeof OPERATIONS;

/** Where an operation goes, for an org key from the page's address (a URL slug, or `org/<id>`). */
export function endpointUrl(origin: string, orgUrl: string, operation: OperationName): string {
  const orgId = orgIdOfKey(orgUrl);
  const org = orgId === null ? `${GRAPHQL_PATH}${encodeURIComponent(orgUrl)}` : `${GRAPHQL_ORG_ID_PATH}${orgId}`;
  return `${origin}${org}?q=${operation}`;
}
