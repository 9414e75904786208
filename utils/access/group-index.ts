/**
 * Who is in which group, computed once. Large orgs (5,000 members, 60 groups) make per-member
 * scans of every group's member list too slow, so membership is indexed up front.
 */
import type { Group, OrgSnapshot } from './model';

/**
 * Maps each member id to their groups, in the snapshot's group order.
 * Membership is the union of `group.memberIds` and `member.groupIds`: both sides are read from the
 * console and should agree, but if they ever do not, a group that might grant access must still show.
 * Group ids that name no known group are ignored (we cannot know what they grant).
 */
export function indexGroupsByMember(snapshot: Pick<OrgSnapshot, 'groups' | 'members'>): ReadonlyMap<string, readonly Group[]> {
  const positionById = new Map<string, number>();
  snapshot.groups.forEach((group, position) => positionById.set(group.id, position));

  const positionsByMember = new Map<string, Set<number>>();
  const add = (memberId: string, position: number): void => {
    let positions = positionsByMember.get(memberId);
    if (!positions) positionsByMember.set(memberId, (positions = new Set()));
    positions.add(position);
  };
  snapshot.groups.forEach((group, position) => {
    for (const memberId of group.memberIds) add(memberId, position);
  });
  for (const member of snapshot.members) {
    for (const groupId of member.groupIds) {
      const position = positionById.get(groupId);
      if (position !== undefined) add(member.id, position);
    }
  }

  const groupsByMember = new Map<string, readonly Group[]>();
  for (const [memberId, positions] of positionsByMember) {
    const groups: Group[] = [];
    for (const position of [...positions].sort((a, b) => a - b)) {
      const group = snapshot.groups[position];
      if (group) groups.push(group);
    }
    groupsByMember.set(memberId, groups);
  }
  return groupsByMember;
}
