/**
 * Groups table [shot]: GROUP NAME (sortable; the name opens the group pane), DESCRIPTION, MEMBERS,
 * PROJECT ACCESS, LAST MODIFIED ("Mar 17, 2:40 pm"), LAST MODIFIED BY.
 * PROJECT ACCESS counts projects the group grants above No Access [guess].
 */
import { useState } from 'react';
import { formatMonthDayTime } from '../../model/format';
import type { GroupNode } from '../../model/types';
import { ui } from '../../markup';
import { ActionButton } from '../ui/ActionButton';
import s from '../../styles.module.css';

export function GroupsTable(props: { groups: GroupNode[]; busy: boolean; selectedIds: ReadonlySet<string>; onToggle: (id: string) => void; onOpen: (group: GroupNode) => void; emptyText: string }) {
  const [direction, setDirection] = useState<'ascending' | 'descending'>('ascending');
  const sorted = [...props.groups].sort((a, b) => a.name.localeCompare(b.name, 'en') * (direction === 'ascending' ? 1 : -1));

  return (
    <table className={s.table} aria-label={ui('Groups')} aria-busy={props.busy}>
      <thead>
        <tr>
          <th className={s.checkboxCell}>
            <span className={s.srOnly}>{ui('Select')}</span>
          </th>
          <th scope="col" aria-sort={direction}>
            <button type="button" className={s.sortButton} onClick={() => setDirection(direction === 'ascending' ? 'descending' : 'ascending')}>
              {ui('GROUP NAME')} <span aria-hidden="true">{direction === 'ascending' ? '▲' : '▼'}</span>
            </button>
          </th>
          <th scope="col">{ui('DESCRIPTION')}</th>
          <th scope="col">{ui('MEMBERS')}</th>
          <th scope="col">{ui('PROJECT ACCESS')}</th>
          <th scope="col">{ui('LAST MODIFIED')}</th>
          <th scope="col">{ui('LAST MODIFIED BY')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.length === 0 && props.emptyText ? (
          <tr>
            <td colSpan={7} className={s.emptyCell}>
              {props.emptyText}
            </td>
          </tr>
        ) : null}
        {sorted.map((group) => (
          <tr key={group.id} className={props.selectedIds.has(group.id) ? s.rowSelected : undefined}>
            <td className={s.checkboxCell}>
              <input type="checkbox" aria-label={ui`Select ${group.name}`} checked={props.selectedIds.has(group.id)} onChange={() => props.onToggle(group.id)} />
            </td>
            <td>
              <ActionButton className={s.linkButton} onClick={() => props.onOpen(group)}>
                {group.name}
              </ActionButton>
            </td>
            <td className={s.muted}>{group.description}</td>
            <td>{group.memberIds.length}</td>
            <td>{group.projectRoles.filter((grant) => grant.role !== 'no_access').length}</td>
            <td>{formatMonthDayTime(group.lastModifiedAt)}</td>
            <td>{group.lastModifiedBy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
