/**
 * The group pane [shot]: a side panel titled by the group's name, tabs General and Members.
 * General: Name, Description, Team Spaces, Group Type "Regular", sub-tabs Project Access and
 * Data Access, "Default Project: <name>", and PROJECT / DESCRIPTION / PROJECT ROLE with a
 * DEFAULT PROJECT badge. Members: who is in the group. Read-only in the double: Save is disabled.
 */
import { useEffect, useState } from 'react';
import { fetchMembers } from '../../api/fetch-all';
import { useLatched } from '../../hooks/useLatched';
import { useLoader } from '../../hooks/useLoader';
import { ROLE_LABEL } from '../../model/roles';
import type { GroupNode } from '../../model/types';
import { ui } from '../../markup';
import { useOrg } from '../../org-context';
import { ActionButton } from '../ui/ActionButton';
import { ErrorPanel } from '../ui/ErrorPanel';
import { Modal } from '../ui/Modal';
import { Tabs, tabPanelProps } from '../ui/Tabs';
import s from '../../styles.module.css';

type PaneTab = 'general' | 'members';
type AccessTab = 'projects' | 'data';

export function GroupPane(props: { group: GroupNode | null; onClose: () => void }) {
  const group = useLatched(props.group, props.group !== null);
  const [tab, setTab] = useState<PaneTab>('general');
  useEffect(() => {
    if (props.group) setTab('general');
  }, [props.group]);

  return (
    <Modal
      open={props.group !== null}
      onClose={props.onClose}
      variant="panel"
      title={group?.name ?? ''}
      footer={
        <>
          <ActionButton className={s.secondaryButton} onClick={props.onClose}>
            {ui('Cancel')}
          </ActionButton>
          <ActionButton className={s.primaryButton} disabled title="Editing groups is not available in the console double.">
            {ui('Save')}
          </ActionButton>
        </>
      }
    >
      {group ? (
        <>
          <Tabs
            idPrefix={`group-${group.id}`}
            label={ui('Group')}
            tabs={[
              { key: 'general', label: ui('General') },
              { key: 'members', label: ui('Members') },
            ]}
            selected={tab}
            onSelect={setTab}
          />
          <div {...tabPanelProps(`group-${group.id}`, tab)}>{tab === 'general' ? <GroupGeneral group={group} /> : <GroupMembers group={group} />}</div>
        </>
      ) : null}
    </Modal>
  );
}

function GroupGeneral({ group }: { group: GroupNode }) {
  const { projects, teamSpaces } = useOrg();
  const [accessTab, setAccessTab] = useState<AccessTab>('projects');
  const spaces = teamSpaces.filter((space) => group.teamSpaceIds.includes(space.id)).map((space) => space.name);
  const defaultProject = projects.find((project) => project.id === group.defaultProjectId);
  const prefix = `group-${group.id}-access`;

  return (
    <div className={s.stepBody}>
      <label className={s.field}>
        <span className={s.fieldLabel}>{ui('Name *')}</span>
        <input className={s.input} value={group.name} readOnly />
      </label>
      <label className={s.field}>
        <span className={s.fieldLabel}>{ui('Description')}</span>
        <input className={s.input} value={group.description} readOnly />
      </label>
      <div className={s.field}>
        <span className={s.fieldLabel}>{ui('Team Spaces')}</span>
        <span>{spaces.length ? spaces.join(', ') : 'None'}</span>
      </div>
      <div className={s.field}>
        <span className={s.fieldLabel}>{ui('Group Type')}</span>
        <span>Regular</span>
      </div>
      <Tabs
        idPrefix={prefix}
        label={ui('Access')}
        variant="sub"
        tabs={[
          { key: 'projects', label: ui('Project Access') },
          { key: 'data', label: ui('Data Access') },
        ]}
        selected={accessTab}
        onSelect={setAccessTab}
      />
      <div {...tabPanelProps(prefix, accessTab)}>
        {accessTab === 'projects' ? (
          <>
            <p>Default Project: {defaultProject?.name ?? 'None'}</p>
            <table className={s.table} aria-label={ui('Project access')}>
              <thead>
                <tr>
                  <th scope="col">{ui('PROJECT')}</th>
                  <th scope="col">{ui('DESCRIPTION')}</th>
                  <th scope="col">{ui('PROJECT ROLE')}</th>
                </tr>
              </thead>
              <tbody>
                {group.projectRoles.map((grant) => {
                  const project = projects.find((candidate) => candidate.id === grant.projectId);
                  return (
                    <tr key={grant.projectId}>
                      <td>
                        {project?.name ?? grant.projectId}
                        {grant.projectId === group.defaultProjectId ? <span className={s.badge}>{ui('DEFAULT PROJECT')}</span> : null}
                      </td>
                      <td className={s.muted}>{project?.description ?? ''}</td>
                      <td>{grant.customRoleName ?? ROLE_LABEL[grant.role]}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        ) : (
          // [guess] Data access classes (PII, Revenue, Sensitive) [doc] are not part of the double's org.
          <p className={s.muted}>No data access classes are restricted for this group.</p>
        )}
      </div>
    </div>
  );
}

function GroupMembers({ group }: { group: GroupNode }) {
  const { client } = useOrg();
  const wanted = group.memberIds.join(',');
  const members = useLoader(async () => {
    const ids = new Set(wanted ? wanted.split(',') : []);
    if (ids.size === 0) return [];
    const joined = await fetchMembers(client, 'joined', ids);
    const rest = new Set([...ids].filter((id) => !joined.some((member) => member.id === id)));
    return rest.size ? [...joined, ...(await fetchMembers(client, 'pending', rest))] : joined;
  }, [client, wanted]);

  return (
    <div className={s.stepBody}>
      <div className={s.toolbar}>
        <span>{group.memberIds.length} members</span>
        <span className={s.toolbarSpacer} />
        <ActionButton className={s.secondaryButton} disabled title="Editing groups is not available in the console double.">
          {ui('+ Add Members')}
        </ActionButton>
      </div>
      {members.error ? <ErrorPanel title={ui('Members could not be loaded')} error={members.error} onRetry={members.reload} /> : null}
      {members.loading ? (
        <p role="status" className={s.loading}>
          Loading members…
        </p>
      ) : null}
      <table className={s.table} aria-label={ui('Group members')}>
        <thead>
          <tr>
            <th scope="col">{ui('Name')}</th>
            <th scope="col">{ui('Email')}</th>
            <th scope="col">{ui('Status')}</th>
          </tr>
        </thead>
        <tbody>
          {(members.data ?? []).map((member) => (
            <tr key={member.id}>
              <td>{member.name}</td>
              <td>{member.email}</td>
              <td>{member.status === 'joined' ? 'Joined' : 'Pending'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
