/**
 * Reads the whole org through the console's data endpoint and returns our own model. Follows
 * pagination; checks that every page arrived (a short read is an error, never a smaller org).
 */
import type { z } from 'zod/mini';
import type { Group, Member, OrgSnapshot } from '@/utils/access/model';
import type { ConsoleClient } from './console-client';
import { ConsoleError } from './console-errors';
import { PAGE_SIZE, type OperationName } from './endpoint';
import { OrgMembersData, OrgSettingsData, PermissionGroupsData, ProjectsData, TeamsAndSpacesData } from './schemas';

interface Page<Node> {
  nodes: Node[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

/** Every page of a paged query; stops at a page limit so a looping cursor cannot hang us. */
export async function readAllPages<Node>(
  operation: OperationName,
  fetchPage: (after: string | null) => Promise<Page<Node>>,
): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await fetchPage(after);
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) {
      if (nodes.length !== page.totalCount) {
        throw new ConsoleError('unexpected-shape', operation, `read ${nodes.length} items but the console reported totalCount ${page.totalCount}.`);
      }
      return nodes;
    }
    if (!page.pageInfo.endCursor) throw new ConsoleError('unexpected-shape', operation, 'field "pageInfo.endCursor": missing while hasNextPage is true.');
    after = page.pageInfo.endCursor;
  }
  throw new ConsoleError('unexpected-shape', operation, 'more than 1000 pages; stopped.');
}

type MemberNode = z.infer<typeof OrgMembersData>['members']['nodes'][number];

function toMember(node: MemberNode): Member {
  return { ...node, content: { ...node.content } };
}

export async function readOrgSnapshot(client: ConsoleClient, now: () => Date = () => new Date()): Promise<OrgSnapshot> {
  const settings = await client.query('OrgSettings', {}, OrgSettingsData);
  client.setOrgId(settings.org.id);
  const readMembers = (status: 'joined' | 'pending') =>
    readAllPages('OrgMembers', async (after) =>
      (await client.query('OrgMembers', { status, search: '', first: PAGE_SIZE, after }, OrgMembersData)).members,
    );
  const [projects, teamsAndSpaces, joined, pending, groups] = await Promise.all([
    client.query('Projects', {}, ProjectsData),
    client.query('TeamsAndSpaces', {}, TeamsAndSpacesData),
    readMembers('joined'),
    readMembers('pending'),
    readAllPages('PermissionGroups', async (after) =>
      (await client.query('PermissionGroups', { first: PAGE_SIZE, after }, PermissionGroupsData)).groups,
    ),
  ]);
  const { id, url, name, projectLevelPermissions, rbac } = settings.org;
  return {
    org: { id, url, name, projectLevelPermissions, rbac },
    viewerId: settings.viewer.id,
    projects: projects.projects,
    teams: teamsAndSpaces.teams,
    teamSpaces: teamsAndSpaces.teamSpaces,
    members: [...joined, ...pending].map(toMember),
    groups: groups.map((group): Group => ({ ...group })),
    readAt: now().toISOString(),
  };
}
