/**
 * The Role dropdown of a user row [doc, shot]: Viewer, Member, Manager, Admin; with project-level
 * permissions on, User or Admin [doc]. Nobody can change their own role [doc], so one's own row
 * shows it disabled.
 */
import { ORG_LEVEL_ROLES, PROJECT_LEVEL_ORG_ROLES, ROLE_LABEL, type OrgRole } from '../../model/roles';
import type { MemberNode } from '../../model/types';
import { ui } from '../../markup';
import { useOrg } from '../../org-context';
import { Select } from '../ui/Select';

export function MemberRoleSelect(props: { member: MemberNode; onChange: (role: OrgRole) => void }) {
  const { settings } = useOrg();
  const roles = settings.org.projectLevelPermissions ? PROJECT_LEVEL_ORG_ROLES : ORG_LEVEL_ROLES;
  const isSelf = props.member.id === settings.viewer.id;
  return (
    <Select
      label={ui`Role for ${props.member.name}`}
      value={props.member.orgRole}
      options={roles.map((role) => ({ value: role, label: ROLE_LABEL[role] }))}
      onChange={props.onChange}
      disabled={isSelf}
      disabledReason="You cannot change your own role."
    />
  );
}
