/** Small wording helpers shared by findings, so every message names things the same way. */
import type { Member } from './model';
import type { AccessSource } from './report';
import { type CustomRoleNames, roleLabel } from './roles';

export type RoleNames = CustomRoleNames | undefined;

/** How a person is named in a sentence: their name, or their email when the name is empty (pending invites). */
export function personName(member: Pick<Member, 'name' | 'email'>): string {
  return member.name.trim() || member.email;
}

export function quoted(name: string): string {
  return `'${name}'`;
}

/** "A", "A and B", "A, B and C". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "group 'A'" or "groups 'A' and 'B'". */
export function groupsPhrase(groupNames: readonly string[]): string {
  return `${groupNames.length === 1 ? 'group' : 'groups'} ${listing(groupNames.map(quoted))}`;
}

/** "Viewer directly", "Manager through group 'Analysts'", "Member as their org role". */
export function describeSource(source: AccessSource, names: RoleNames): string {
  const role = roleLabel(source.role, names);
  switch (source.kind) {
    case 'org':
      return `${role} as their org role`;
    case 'direct':
      return `${role} directly`;
    case 'group':
      return `${role} through group ${quoted(source.groupName)}`;
  }
}
