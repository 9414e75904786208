/**
 * Step 3, "Assign Access" [doc]: project-level orgs pick projects and a role for each; a role below
 * what a chosen group grants is greyed out with the reason [doc: cannot be lowered here].
 * Org-level orgs [guess] pick one role for the invitees.
 */
import { ORG_LEVEL_ROLES, PROJECT_ROLES, projectRoleRank, ROLE_LABEL, type ProjectRole } from '../../model/roles';
import type { GroupNode, Project } from '../../model/types';
import { ui } from '../../markup';
import { ActionButton } from '../ui/ActionButton';
import { Select } from '../ui/Select';
import { floorReason, groupGrant, type InviteDraft } from './invite-draft';
import s from '../../styles.module.css';

export function AccessStep(props: { draft: InviteDraft; onChange: (draft: InviteDraft) => void; projects: Project[]; chosenGroups: GroupNode[]; projectLevel: boolean; viewerIsAdmin: boolean }) {
  const { draft, projects, chosenGroups } = props;

  if (!props.projectLevel) {
    return (
      <div className={s.stepBody}>
        <p>Choose the role the new users get in every project.</p>
        <div className={s.field}>
          <span className={s.fieldLabel}>{ui('Role')}</span>
          <Select
            label={ui('Role for new users')}
            value={draft.orgRole}
            options={ORG_LEVEL_ROLES.map((role) => ({
              value: role as InviteDraft['orgRole'],
              label: ROLE_LABEL[role],
              disabled: role === 'admin' && !props.viewerIsAdmin,
              reason: 'Only Admins can grant the Admin role.',
            }))}
            onChange={(orgRole) => props.onChange({ ...draft, orgRole })}
          />
        </div>
      </div>
    );
  }

  const projectName = (id: string) => projects.find((project) => project.id === id)?.name ?? id;
  const fromGroups = projects.map((project) => ({ project, grant: groupGrant(chosenGroups, project.id) })).filter((entry) => entry.grant !== null);
  const unused = projects.filter((project) => !draft.projectRoles.some((grant) => grant.projectId === project.id));

  function addProject(projectId: string) {
    const floor = groupGrant(chosenGroups, projectId)?.role ?? 'viewer';
    const role: ProjectRole = projectRoleRank(floor) > projectRoleRank('viewer') ? floor : 'viewer';
    props.onChange({ ...draft, projectRoles: [...draft.projectRoles, { projectId, role }] });
  }

  function setRole(projectId: string, role: ProjectRole) {
    props.onChange({ ...draft, projectRoles: draft.projectRoles.map((grant) => (grant.projectId === projectId ? { ...grant, role } : grant)) });
  }

  function removeProject(projectId: string) {
    props.onChange({
      ...draft,
      projectRoles: draft.projectRoles.filter((grant) => grant.projectId !== projectId),
      defaultProjectId: draft.defaultProjectId === projectId ? null : draft.defaultProjectId,
    });
  }

  return (
    <div className={s.stepBody}>
      <p>Add projects and choose a role in each.</p>
      {fromGroups.length > 0 ? (
        <section aria-label={ui('Access from selected groups')} className={s.note}>
          <strong>{ui('From selected groups')}</strong>
          <ul>
            {fromGroups.map(({ project, grant }) => (
              <li key={project.id}>
                {project.name}: {ROLE_LABEL[grant!.role]} (via {grant!.groups.join(', ')})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <table className={s.table} aria-label={ui('Project roles')}>
        <thead>
          <tr>
            <th scope="col">{ui('Project')}</th>
            <th scope="col">{ui('Role')}</th>
            <th scope="col">
              <span className={s.srOnly}>{ui('Actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.projectRoles.length === 0 ? (
            <tr>
              <td colSpan={3} className={s.emptyCell}>
                No projects added yet.
              </td>
            </tr>
          ) : null}
          {draft.projectRoles.map((grant) => {
            const floor = groupGrant(chosenGroups, grant.projectId);
            return (
              <tr key={grant.projectId}>
                <td>{projectName(grant.projectId)}</td>
                <td>
                  <Select<ProjectRole>
                    label={ui`Role for ${projectName(grant.projectId)}`}
                    value={grant.role}
                    options={PROJECT_ROLES.map((role) => ({
                      value: role,
                      label: ROLE_LABEL[role],
                      disabled: floor !== null && projectRoleRank(role) < projectRoleRank(floor.role),
                      reason: floor ? floorReason(floor) : undefined,
                    }))}
                    onChange={(role) => setRole(grant.projectId, role)}
                  />
                </td>
                <td>
                  <ActionButton className={s.linkButton} aria-label={ui`Remove ${projectName(grant.projectId)}`} onClick={() => removeProject(grant.projectId)}>
                    {ui('Remove')}
                  </ActionButton>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {unused.length > 0 ? (
        <div className={s.field}>
          <Select label={ui('Add project')} placeholder={ui('+ Add Project')} value={null} options={unused.map((project) => ({ value: project.id, label: project.name }))} onChange={addProject} />
        </div>
      ) : null}
    </div>
  );
}
