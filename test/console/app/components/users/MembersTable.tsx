/**
 * The members table: a header row and one row per member (checkbox, name over email, Role, and
 * [guess] Team, Groups, Last active, Joined or Invited), and a "⋯" menu per row. A table, an ARIA
 * grid or plain divs, as the `usersList` markup flag says (UsersList.tsx).
 */
import { usersTableName } from '../../landmark-switch';
import { useEffect, useRef } from 'react';
import { markup, ui } from '../../markup';
import type { OrgRole } from '../../model/roles';
import type { MemberNode, MemberStatus } from '../../model/types';
import { MemberRow } from './MemberRow';
import { Cell, HeaderCell, ListBody, ListFrame, ListHead, ListRow } from './UsersList';
import s from '../../styles.module.css';

export function MembersTable(props: {
  view: MemberStatus;
  members: MemberNode[];
  busy: boolean;
  selectedIds: ReadonlyMap<string, MemberNode>;
  onToggle: (member: MemberNode) => void;
  onToggleAll: (members: MemberNode[], select: boolean) => void;
  onRoleChange: (member: MemberNode, role: OrgRole) => void;
  onManageProjectAccess: (member: MemberNode) => void;
  onRemove: (member: MemberNode) => void;
  emptyText: string;
}) {
  const { members, selectedIds } = props;
  const selectedHere = members.filter((member) => selectedIds.has(member.id)).length;
  const allHere = members.length > 0 && selectedHere === members.length;
  const headerBox = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (headerBox.current) headerBox.current.indeterminate = selectedHere > 0 && !allHere;
  }, [selectedHere, allHere]);

  const columns = props.view === 'joined' ? ['User', 'Role', 'Team', 'Groups', 'Last active', 'Joined'] : ['User', 'Role', 'Team', 'Groups', 'Invited'];
  // Plain divs have no name at all (there is nothing to hang one on).
  const tableName = usersTableName(props.view);
  const name = markup.usersList === 'divs' || tableName === undefined ? undefined : ui(tableName);
  return (
    <ListFrame name={name} busy={props.busy} columns={columns.length + 2}>
      <ListHead>
        <ListRow>
          <HeaderCell className={s.checkboxCell}>
            <input
              ref={headerBox}
              type="checkbox"
              aria-label={ui('Select all users on this page')}
              checked={allHere}
              disabled={members.length === 0}
              onChange={() => props.onToggleAll(members, !allHere)}
            />
          </HeaderCell>
          {columns.map((column) => (
            <HeaderCell key={column} column>
              {ui(column)}
            </HeaderCell>
          ))}
          <HeaderCell className={s.actionsCell}>
            <span className={s.srOnly}>{ui('Actions')}</span>
          </HeaderCell>
        </ListRow>
      </ListHead>
      <ListBody>
        {members.length === 0 && props.emptyText ? (
          <ListRow>
            <Cell span={columns.length + 2} className={s.emptyCell}>
              {props.emptyText}
            </Cell>
          </ListRow>
        ) : null}
        {members.map((member) => (
          <MemberRow
            key={member.id}
            member={member}
            view={props.view}
            selected={selectedIds.has(member.id)}
            onToggle={() => props.onToggle(member)}
            onRoleChange={(role) => props.onRoleChange(member, role)}
            onManageProjectAccess={() => props.onManageProjectAccess(member)}
            onRemove={() => props.onRemove(member)}
          />
        ))}
      </ListBody>
    </ListFrame>
  );
}
