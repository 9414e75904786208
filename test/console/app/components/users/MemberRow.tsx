/** One member: checkbox "Select <name>", name over email [doc], Role dropdown, the rest [guess]. */
import { markup, ui } from '../../markup';
import { formatDate, formatLastActive } from '../../model/format';
import type { OrgRole } from '../../model/roles';
import type { MemberNode, MemberStatus } from '../../model/types';
import { useOrg } from '../../org-context';
import { Menu, type MenuItem } from '../ui/Menu';
import { Person } from '../ui/Person';
import { MemberRoleSelect } from './MemberRoleSelect';
import { Cell, ListRow } from './UsersList';
import s from '../../styles.module.css';

export function MemberRow(props: {
  member: MemberNode;
  view: MemberStatus;
  selected: boolean;
  onToggle: () => void;
  onRoleChange: (role: OrgRole) => void;
  onManageProjectAccess: () => void;
  onRemove: () => void;
}) {
  const { settings, teams } = useOrg();
  const { member } = props;
  const team = teams.find((candidate) => candidate.id === member.teamId)?.name ?? '—';
  const menuItems: MenuItem[] = [
    ...(settings.org.projectLevelPermissions ? [{ label: ui('Manage Project Access'), onSelect: props.onManageProjectAccess }] : []),
    { label: ui('Remove'), onSelect: props.onRemove, danger: true },
  ];

  return (
    <ListRow selected={props.selected}>
      <Cell className={s.checkboxCell}>
        <input type="checkbox" aria-label={ui`Select ${member.name}`} checked={props.selected} onChange={props.onToggle} />
      </Cell>
      <Cell>
        {/* A pending invitee's name is their email [guess]; Person says it once. */}
        <Person name={member.name} email={member.email} showEmail={markup.rowEmails === 'shown'} />
      </Cell>
      <Cell>
        <MemberRoleSelect member={member} onChange={props.onRoleChange} />
      </Cell>
      <Cell>{team}</Cell>
      <Cell>{member.groupIds.length}</Cell>
      {props.view === 'joined' ? (
        <>
          <Cell>{formatLastActive(member.lastActiveAt, settings.now)}</Cell>
          <Cell>{formatDate(member.joinedAt)}</Cell>
        </>
      ) : (
        <Cell>Invited {formatDate(member.invitedAt)}</Cell>
      )}
      <Cell className={s.actionsCell}>
        <Menu label={ui`More actions for ${member.name}`} items={menuItems} />
      </Cell>
    </ListRow>
  );
}
