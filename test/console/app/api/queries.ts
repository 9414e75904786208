/**
 * The GraphQL text sent with each operation: [code] as public code sends it (console-reference.md,
 * section 7), [guess] ours. The backend looks operations up by name and
 * does not parse these (shared/operations.ts); they are here so the requests look like the real
 * console's on the wire, and so the fields the page reads are written down in one place.
 */
import type { OperationName } from '../../shared/operations';

const MEMBER_FIELDS = `id email name status orgRole teamId projectRoles { projectId role customRoleId customRoleName } groupIds invitedAt joinedAt lastActiveAt content { charts dashboards cohorts notebooks }`;
const GROUP_FIELDS = `id name description type projectRoles { projectId role customRoleId customRoleName } defaultProjectId teamSpaceIds memberIds lastModifiedAt lastModifiedBy`;
const PAGE_INFO = `pageInfo { endCursor hasNextPage } totalCount`;

export const QUERY_TEXT: Record<OperationName, string> = {
  // [code] The reference shows OrgData's selections but not where $product goes; on apps is our reading.
  OrgData: `query OrgData($product: String) {
  apps(product: $product) { id name }
  currentUser { loginId email fullName orgRole }
  org { orgId name url plan createdAt }
  orgHasAppWithData
  orgCount
  planInfo { plan planType }
}`,
  Users: `query Users {
  users { id alias avatarVersion blurb createdAt defaultAllProjectRole defaultAppId email firstName fullName hasAvatar hasOutstandingInvite isConnectedToSlack lastName loginId name orgRole orgTeam title pronouns }
}`,
  TeamSpaces: `query TeamSpaces($fetchItemCountInSpaces: Boolean!) {
  teamSpaces(fetchItemCountInSpaces: $fetchItemCountInSpaces) { id spaceId orgId type name description isArchived isDeleted itemCount createdBy createdAt permissionLevel public }
}`,
  RbacBatchCheckPermissions: `query RbacBatchCheckPermissions($input: BatchCheckPermissionsInput!) {
  rbacBatchCheckPermissions(input: $input) { results { action allowed } }
}`,
  GlobalSearch: `query GlobalSearch($query: String, $limit: Int, $owners: [String!], $searchContentTypes: [String!]!) {
  unisearchContentSearch(query: $query, limit: $limit, owners: $owners, searchContentTypes: $searchContentTypes) { results { entity { entityId name type owners appIds lastModifiedAt lastViewedAt isArchived } } totalHits }
}`,
  // [guess]
  OrgSettings: `query OrgSettings {
  org { id url name plan projectLevelPermissions rbac }
  viewer { id email name orgRole }
  now
}`,
  RoleDefinitions: `query RoleDefinitions { customRoles { id name description permissions } }`,
  Projects: `query Projects { projects { id name description } }`,
  TeamsAndSpaces: `query TeamsAndSpaces { teams { id name } teamSpaces { id name } }`,
  MemberCounts: `query MemberCounts { total joined pending requestingAccess }`,
  OrgMembers: `query OrgMembers($status: MemberStatus!, $search: String, $first: Int, $after: String) {
  members(status: $status, search: $search, first: $first, after: $after) { nodes { ${MEMBER_FIELDS} } ${PAGE_INFO} }
}`,
  PermissionGroups: `query PermissionGroups($search: String, $projectId: ID, $memberId: ID, $first: Int, $after: String) {
  groups(search: $search, projectId: $projectId, memberId: $memberId, first: $first, after: $after) { nodes { ${GROUP_FIELDS} } ${PAGE_INFO} }
}`,
  InviteUsers: `mutation InviteUsers($invites: [InviteInput!]!, $groupIds: [ID!], $projectRoles: [ProjectRoleInput!], $orgRole: OrgRole, $defaultProjectId: ID, $teamSpaceIds: [ID!]) {
  inviteUsers(invites: $invites, groupIds: $groupIds, projectRoles: $projectRoles, orgRole: $orgRole, defaultProjectId: $defaultProjectId, teamSpaceIds: $teamSpaceIds) { invited { id email } }
}`,
  UpdateMemberRole: `mutation UpdateMemberRole($memberId: ID!, $orgRole: OrgRole!) {
  updateMemberRole(memberId: $memberId, orgRole: $orgRole) { member { ${MEMBER_FIELDS} } }
}`,
  SetProjectAccess: `mutation SetProjectAccess($memberIds: [ID!]!, $projectRoles: [ProjectRoleInput!]!) {
  setProjectAccess(memberIds: $memberIds, projectRoles: $projectRoles) { members { ${MEMBER_FIELDS} } }
}`,
  RemoveMembers: `mutation RemoveMembers($memberIds: [ID!]!, $transferToMemberId: ID) {
  removeMembers(memberIds: $memberIds, transferToMemberId: $transferToMemberId) { removed }
}`,
};
