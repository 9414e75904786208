/** One member: checkbox "Select <name>", name over email [doc], Role dropdown, the rest [guess]. */
import { formatDate, formatLastActive } from '../../model/format';
import type { OrgRole } from '../../model/roles';
import type { MemberNode, MemberStatus } from '../../model/types';
import { useOrg } from '../../org-context';
import { Menu, type MenuItem } from '../ui/Menu';
import { MemberRoleSelect } from './MemberRoleSelect';
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
    ...(settings.org.projectLevelPermissions ? [{ label: 'Manage Project Access', onSelect: props.onManageProjectAccess }] : []),
    { label: 'Remove', onSelect: props.onRemove, danger: true },
  ];

  return (
    <tr className={props.selected ? s.rowSelected : undefined}>
      <td className={s.checkboxCell}>
        <input type="checkbox" aria-label={`Select ${member.name}`} checked={props.selected} onChange={props.onToggle} />
      </td>
      <td>
        <div className={s.personName}>{member.name}</div>
        {/* A pending invitee's name is their email [guess]; say it once. */}
        {member.name !== member.email ? <div className={s.personEmail}>{member.email}</div> : null}
      </td>
      <td>
        <MemberRoleSelect member={member} onChange={props.onRoleChange} />
      </td>
      <td>{team}</td>
      <td>{member.groupIds.length}</td>
      {props.view === 'joined' ? (
        <>
          <td>{formatLastActive(member.lastActiveAt, settings.now)}</td>
          <td>{formatDate(member.joinedAt)}</td>
        </>
      ) : (
        <td>Invited {formatDate(member.invitedAt)}</td>
      )}
      <td className={s.actionsCell}>
        <Menu label={`More actions for ${member.name}`} items={menuItems} />
      </td>
    </tr>
  );
}
