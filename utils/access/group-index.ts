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
  const groupById = new Map<string, Group>();
  const positionOf = new Map<Group, number>();
  snapshot.groups.forEach((group, position) => {
    groupById.set(group.id, group);
    positionOf.set(group, position);
  });

  // Walking the groups in order builds each list already sorted (no set per member, no sort): while
  // one group is walked it is the only one appended, so comparing with the last entry de-duplicates.
  const groupsByMember = new Map<string, Group[]>();
  for (const group of snapshot.groups) {
    for (const memberId of group.memberIds) {
      const groups = groupsByMember.get(memberId);
      if (!groups) groupsByMember.set(memberId, [group]);
      else if (groups[groups.length - 1] !== group) groups.push(group);
    }
  }
  // The members' own lists usually name the same groups; one they add goes in at its place.
  for (const member of snapshot.members) {
    for (const groupId of member.groupIds) {
      const group = groupById.get(groupId);
      if (!group) continue;
      const groups = groupsByMember.get(member.id);
      if (!groups) {
        groupsByMember.set(member.id, [group]);
        continue;
      }
      if (groups.includes(group)) continue;
      const position = positionOf.get(group) ?? 0;
      const before = groups.findIndex((other) => (positionOf.get(other) ?? 0) > position);
      groups.splice(before < 0 ? groups.length : before, 0, group);
    }
  }
  return groupsByMember;
}
