/**
 * Every page of a paged list (members, groups), for the places that need them all: a group's
 * member names, everyone's group grants. Pages of 100, the endpoint's maximum.
 */
import type { ApiClient } from './client';
import type { GroupNode, MemberNode, MemberStatus } from '../model/types';

interface Page<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

export async function fetchAllGroups(client: ApiClient): Promise<GroupNode[]> {
  const groups: GroupNode[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<GroupNode> = (await client.request('PermissionGroups', { first: 100, after })).groups;
    groups.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return groups;
    after = page.pageInfo.endCursor;
  }
}

/** Members of one status, stopping early once `wanted` ids have all been seen. */
export async function fetchMembers(client: ApiClient, status: MemberStatus, wanted?: ReadonlySet<string>): Promise<MemberNode[]> {
  const members: MemberNode[] = [];
  let found = 0;
  let after: string | null = null;
  for (;;) {
    const page: Page<MemberNode> = (await client.request('OrgMembers', { status, first: 100, after })).members;
    for (const member of page.nodes) {
      if (wanted && !wanted.has(member.id)) continue;
      members.push(member);
      found += 1;
    }
    if (!page.pageInfo.hasNextPage || (wanted && found >= wanted.size)) return members;
    after = page.pageInfo.endCursor;
  }
}

/** Groups matching the Groups tab's search and filters, every page, with the total. */
export async function fetchAllGroupsMatching(client: ApiClient, filters: { search: string; projectId: string | null; memberId: string | null }): Promise<{ groups: GroupNode[]; totalCount: number }> {
  const groups: GroupNode[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<GroupNode> = (await client.request('PermissionGroups', { ...filters, first: 100, after })).groups;
    groups.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return { groups, totalCount: page.totalCount };
    after = page.pageInfo.endCursor;
  }
}
