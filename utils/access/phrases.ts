/** Small wording helpers shared by findings, so every message names things the same way. */
import type { Member } from './model';
import type { AccessSource } from './report';
import { type CustomRoleNames, roleLabel } from './roles';
import { t } from '../i18n';

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
  return t('listAnd', { list: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
}

/** "group 'A'" or "groups 'A' and 'B'". */
export function groupsPhrase(groupNames: readonly string[]): string {
  return t(groupNames.length === 1 ? 'findGroupPhrase' : 'findGroupsPhrase', { groups: listing(groupNames.map(quoted)) });
}

/** "Viewer directly", "Manager through group 'Analysts'", "Member as their org role". */
export function describeSource(source: AccessSource, names: RoleNames): string {
  const role = roleLabel(source.role, names);
  switch (source.kind) {
    case 'org':
      return t('findSourceOrg', { role });
    case 'direct':
      return t('findSourceDirect', { role });
    case 'group':
      return t('findSourceGroup', { role, group: quoted(source.groupName) });
  }
}
