/** Step 5, review [doc]: exactly what Send will ask for. */
import { ROLE_LABEL } from '../../model/roles';
import type { GroupNode, Project, Team, TeamSpace } from '../../model/types';
import { ui } from '../../markup';
import { groupGrant, type InviteDraft } from './invite-draft';
import s from '../../styles.module.css';

export function ReviewStep(props: { draft: InviteDraft; chosenGroups: GroupNode[]; projects: Project[]; teams: Team[]; teamSpaces: TeamSpace[]; projectLevel: boolean }) {
  const { draft, chosenGroups, projects } = props;
  const projectName = (id: string | null) => projects.find((project) => project.id === id)?.name ?? 'None';
  const teamName = (id: string | null) => props.teams.find((team) => team.id === id)?.name ?? 'No team';
  const viaGroups = projects
    .map((project) => ({ project, grant: groupGrant(chosenGroups, project.id) }))
    .filter(({ project, grant }) => grant !== null && !draft.projectRoles.some((direct) => direct.projectId === project.id));
  const spaces = props.teamSpaces.filter((space) => draft.teamSpaceIds.includes(space.id)).map((space) => space.name);

  return (
    <div className={s.stepBody}>
      <dl className={s.review}>
        <dt>{ui('Users')}</dt>
        <dd>
          <ul aria-label={ui('Users to invite')}>
            {draft.entries.map((entry) => (
              <li key={entry.email}>
                {entry.email} — {teamName(entry.teamId)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{ui('Groups')}</dt>
        <dd>{chosenGroups.length ? chosenGroups.map((group) => group.name).join(', ') : 'None'}</dd>
        {props.projectLevel ? (
          <>
            <dt>{ui('Project access')}</dt>
            <dd>
              <ul aria-label={ui('Project access')}>
                {draft.projectRoles.map((grant) => (
                  <li key={grant.projectId}>
                    {projectName(grant.projectId)}: {ROLE_LABEL[grant.role]}
                  </li>
                ))}
                {viaGroups.map(({ project, grant }) => (
                  <li key={project.id}>
                    {project.name}: {ROLE_LABEL[grant!.role]} (via {grant!.groups.join(', ')})
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : (
          <>
            <dt>{ui('Role')}</dt>
            <dd>{ROLE_LABEL[draft.orgRole]}</dd>
          </>
        )}
        <dt>{ui('Default project')}</dt>
        <dd>{projectName(draft.defaultProjectId)}</dd>
        <dt>{ui('Team spaces')}</dt>
        <dd>{spaces.length ? spaces.join(', ') : 'None'}</dd>
      </dl>
    </div>
  );
}
