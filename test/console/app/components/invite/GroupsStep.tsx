/** Step 2, "Select Groups" [doc]: a searchable checkbox list; invitees inherit the groups' roles. */
import { useState } from 'react';
import { plural } from '../../model/format';
import type { GroupNode } from '../../model/types';
import { ui } from '../../markup';
import { SearchBox } from '../ui/SearchBox';
import s from '../../styles.module.css';

export function GroupsStep(props: { groups: GroupNode[]; selectedIds: string[]; onChange: (ids: string[]) => void }) {
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = props.groups.filter((group) => !needle || group.name.toLowerCase().includes(needle) || group.description.toLowerCase().includes(needle));

  function toggle(id: string) {
    props.onChange(props.selectedIds.includes(id) ? props.selectedIds.filter((other) => other !== id) : [...props.selectedIds, id]);
  }

  return (
    <div className={s.stepBody}>
      <p>Users inherit the project roles of the groups they join.</p>
      <SearchBox label={ui('Search groups')} placeholder="Search groups" value={search} onChange={setSearch} />
      <p className={s.muted}>
        {plural(props.selectedIds.length, 'group')} selected · Showing {plural(shown.length, 'group')}
      </p>
      <ul aria-label={ui('Groups')} className={s.checkList}>
        {shown.map((group) => (
          <li key={group.id}>
            <label className={s.checkboxLabel}>
              <input type="checkbox" checked={props.selectedIds.includes(group.id)} onChange={() => toggle(group.id)} />
              <span>{group.name}</span>
            </label>
            {group.description ? <div className={s.muted}>{group.description}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
