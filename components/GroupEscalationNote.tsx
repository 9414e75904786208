/** The note under a group's name on the Groups tab: how many members it escalates, and to what. */
import { type Role, roleLabel } from '@/utils/access/roles';
import { t, tCount } from '@/utils/i18n';
import { isolatedText } from '@/utils/text/visible-text';

export interface GroupEscalationNoteProps {
  /** Null: the group is unknown to the last read (e.g. created since), or its name is ambiguous. */
  count: number | null;
  roles: readonly Role[];
  /** RBAC: custom roles (names, from the page's data) through which the group gives permissions beyond the person's own. */
  customRoles?: readonly string[];
  /** The data behind the note is from a failed or outdated read. */
  stale: boolean;
}

export function describeEscalation(count: number, roles: readonly Role[], customRoles: readonly string[] = []): string {
  if (count === 0) return t('escNoOne');
  // Names of custom roles come from the page: isolated so a bidi control cannot reorder the note.
  const to = [...roles.map((role) => roleLabel(role)), ...customRoles.map((name) => isolatedText(name))].join(t('escOr'));
  return to ? tCount('escMembersTo', count, { roles: to }) : tCount('escMembers', count);
}

export function GroupEscalationNote({ count, roles, customRoles = [], stale }: GroupEscalationNoteProps) {
  if (count === null) return <span class="al-esc al-esc--none">{t('escNotInRead')}</span>;
  const text = describeEscalation(count, roles, customRoles);
  const classes = ['al-esc', count === 0 ? 'al-esc--none' : '', stale ? 'al-esc--stale' : ''].filter(Boolean).join(' ');
  return (
    <span class={classes} title={count > 0 ? t('escTitle') : undefined}>
      {stale ? t('escNotCurrent', { text }) : text}
    </span>
  );
}
