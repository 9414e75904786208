/**
 * The members table: a header row and one row per member (checkbox, name over email, Role, and
 * [guess] Team, Groups, Last active, Joined or Invited), and a "⋯" menu per row.
 */
import { usersTableName } from '../../landmark-switch';
import { useEffect, useRef } from 'react';
import type { OrgRole } from '../../model/roles';
import type { MemberNode, MemberStatus } from '../../model/types';
import { MemberRow } from './MemberRow';
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
  return (
    <table className={s.table} aria-label={usersTableName(props.view)} aria-busy={props.busy}>
      <thead>
        <tr>
          <th className={s.checkboxCell}>
            <input
              ref={headerBox}
              type="checkbox"
              aria-label="Select all users on this page"
              checked={allHere}
              disabled={members.length === 0}
              onChange={() => props.onToggleAll(members, !allHere)}
            />
          </th>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
          <th className={s.actionsCell}>
            <span className={s.srOnly}>Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.length === 0 && props.emptyText ? (
          <tr>
            <td colSpan={columns.length + 2} className={s.emptyCell}>
              {props.emptyText}
            </td>
          </tr>
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
      </tbody>
    </table>
  );
}
