/**
 * Step 4 [doc: default project and team spaces; guess: title and that both are optional]: the
 * default project is chosen among the projects the invitees will reach, directly or via a group.
 */
import type { Project, TeamSpace } from '../../model/types';
import { MultiSelect } from '../ui/MultiSelect';
import { ui } from '../../markup';
import { Select } from '../ui/Select';
import type { InviteDraft } from './invite-draft';
import s from '../../styles.module.css';

const NO_DEFAULT = '__none__';

export function DefaultsStep(props: { draft: InviteDraft; onChange: (draft: InviteDraft) => void; candidates: Project[]; teamSpaces: TeamSpace[] }) {
  const { draft } = props;
  return (
    <div className={s.stepBody}>
      <div className={s.field}>
        <span className={s.fieldLabel}>{ui('Default project')}</span>
        <Select
          label={ui('Default project')}
          placeholder="No default project"
          value={draft.defaultProjectId ?? NO_DEFAULT}
          options={[{ value: NO_DEFAULT, label: 'No default project' }, ...props.candidates.map((project) => ({ value: project.id, label: project.name }))]}
          onChange={(value) => props.onChange({ ...draft, defaultProjectId: value === NO_DEFAULT ? null : value })}
        />
        <p className={s.hint}>Where the new users land after signing in.</p>
      </div>
      <div className={s.field}>
        <span className={s.fieldLabel}>{ui('Team spaces')}</span>
        <MultiSelect
          label={ui('Team spaces')}
          placeholder="Select team spaces"
          values={draft.teamSpaceIds}
          options={props.teamSpaces.map((space) => ({ value: space.id, label: space.name }))}
          onChange={(teamSpaceIds) => props.onChange({ ...draft, teamSpaceIds })}
        />
      </div>
    </div>
  );
}
