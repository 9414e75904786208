/** The note under a group's name on the Groups tab: how many members it escalates, and to what. */
import { type Role, roleLabel } from '@/utils/access/roles';

export interface GroupEscalationNoteProps {
  /** Null: the group is unknown to the last read (e.g. created since), or its name is ambiguous. */
  count: number | null;
  roles: readonly Role[];
  /** The data behind the note is from a failed or outdated read. */
  stale: boolean;
}

export function describeEscalation(count: number, roles: readonly Role[]): string {
  if (count === 0) return 'Escalates no one';
  const to = roles.map((role) => roleLabel(role)).join(' or ');
  return `Escalates ${count} ${count === 1 ? 'member' : 'members'}${to ? ` to ${to}` : ''}`;
}

export function GroupEscalationNote({ count, roles, stale }: GroupEscalationNoteProps) {
  if (count === null) return <span class="al-esc al-esc--none">Admin Lens: not in the last read</span>;
  const text = describeEscalation(count, roles);
  const classes = ['al-esc', count === 0 ? 'al-esc--none' : '', stale ? 'al-esc--stale' : ''].filter(Boolean).join(' ');
  return (
    <span class={classes} title={count > 0 ? 'Members this group gives a higher role than they have on their own (Admin Lens)' : undefined}>
      {stale ? `${text} (not current)` : text}
    </span>
  );
}
