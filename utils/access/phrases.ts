/**
 * Small wording helpers shared by the words of findings (finding-words.ts) and capabilities, so
 * every message names things the same way. UI side (through t()): the engine does not import it.
 */
import type { AccessSource } from './report';
import { type CustomRoleNames, roleLabel } from './roles';
import { t } from '../i18n';
import { isolatedText } from '../text/visible-text';

export type RoleNames = CustomRoleNames | undefined;

export function quoted(name: string): string {
  return `'${name}'`;
}

/** "A", "A and B", "A, B and C". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return t('listAnd', { list: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
}

/** A group's name from the page, quoted, its hidden characters visible (and isolated when right to left). */
const quotedGroup = (name: string): string => quoted(isolatedText(name));

/** "group 'A'" or "groups 'A' and 'B'". */
export function groupsPhrase(groupNames: readonly string[]): string {
  return t(groupNames.length === 1 ? 'findGroupPhrase' : 'findGroupsPhrase', { groups: listing(groupNames.map(quotedGroup)) });
}

/** The role a source gives, by name: a custom role's own name (page data, made visible), else the default role's label. */
export function roleNameOf(source: AccessSource, names: RoleNames): string {
  return source.kind !== 'org' && source.customRole ? isolatedText(source.customRole.name) : roleLabel(source.role, names);
}

/** "Viewer directly", "Manager through group 'Analysts'", "Member as their org role". */
export function describeSource(source: AccessSource, names: RoleNames): string {
  const role = roleNameOf(source, names);
  switch (source.kind) {
    case 'org':
      return t('findSourceOrg', { role });
    case 'direct':
      return t('findSourceDirect', { role });
    case 'group':
      return t('findSourceGroup', { role, group: quotedGroup(source.groupName) });
  }
}
