/**
 * Manage Project Access [shot, doc]: "Project access for N user(s)." and their emails, a search,
 * Project / Description / Role per project, "Showing N projects", Make Viewer / Make Member /
 * Make Manager / Remove Access, a role dropdown per row (No Access..Manager, Admin greyed out),
 * the "By default add selected user(s) to new projects as a [Role]" toggle, Cancel / Next, a review
 * step, Submit. A role below what a user's groups grant cannot be picked ("User(s) are assigned
 * access to this project via Group(s)" [doc]).
 */
import { useEffect, useMemo, useState } from 'react';
import { describeFailure, OperationRefused } from '../../api/errors';
import { fetchAllGroups } from '../../api/fetch-all';
import { useLatched } from '../../hooks/useLatched';
import { useLoader } from '../../hooks/useLoader';
import { plural } from '../../model/format';
import { GROUP_GRANT_TOOLTIP, PROJECT_ROLES, ROLE_LABEL, type ProjectRole } from '../../model/roles';
import type { GroupNode, MemberNode } from '../../model/types';
import { ui } from '../../markup';
import { useOrg } from '../../org-context';
import { ActionButton } from '../ui/ActionButton';
import { ErrorPanel } from '../ui/ErrorPanel';
import { Modal } from '../ui/Modal';
import { SearchBox } from '../ui/SearchBox';
import { Select } from '../ui/Select';
import { useToasts } from '../ui/Toasts';
import { Tooltip } from '../ui/Tooltip';
import { isBelowFloor, projectAccessRow } from './project-access';
import s from '../../styles.module.css';

type RoleChoice = ProjectRole | 'admin';
const ADMIN_REASON = 'Admin is an organization role; it cannot be given per project.';
const BULK: readonly { role: ProjectRole; label: string }[] = [
  { role: 'viewer', label: 'Make Viewer' },
  { role: 'member', label: 'Make Member' },
  { role: 'manager', label: 'Make Manager' },
  { role: 'no_access', label: 'Remove Access' },
];

export function ManageProjectAccessModal(props: { open: boolean; members: MemberNode[]; onClose: () => void; onChanged: () => void }) {
  const { client, projects, dataVersion } = useOrg();
  const toasts = useToasts();
  const members = useLatched(props.members, props.open);
  const groups = useLoader(() => fetchAllGroups(client), [client, dataVersion], { enabled: props.open });
  const [step, setStep] = useState<'edit' | 'review'>('edit');
  const [search, setSearch] = useState('');
  const [changes, setChanges] = useState<Record<string, ProjectRole>>({});
  const [defaultOn, setDefaultOn] = useState(false);
  const [defaultRole, setDefaultRole] = useState<ProjectRole>('viewer');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    if (!props.open) return;
    setStep('edit');
    setSearch('');
    setChanges({});
    setDefaultOn(false);
    setErrors([]);
    setBusy(false);
  }, [props.open]);

  const groupsById = useMemo(() => new Map((groups.data ?? []).map((group): [string, GroupNode] => [group.id, group])), [groups.data]);
  const rows = useMemo(() => projects.map((project) => ({ project, ...projectAccessRow(members, groupsById, project.id) })), [projects, members, groupsById]);
  const needle = search.trim().toLowerCase();
  const shown = rows.filter(({ project }) => !needle || project.name.toLowerCase().includes(needle) || project.description.toLowerCase().includes(needle));
  const changed = rows.filter(({ project, current }) => changes[project.id] !== undefined && changes[project.id] !== current);
  const admins = members.filter((member) => member.orgRole === 'admin');

  function setRole(projectId: string, role: ProjectRole) {
    setChanges((current) => ({ ...current, [projectId]: role }));
  }

  function applyToShown(role: ProjectRole) {
    setChanges((current) => {
      const next = { ...current };
      for (const { project, groupFloor } of shown) if (!isBelowFloor(role, groupFloor)) next[project.id] = role;
      return next;
    });
  }

  async function submit() {
    setBusy(true);
    setErrors([]);
    try {
      await client.request('SetProjectAccess', {
        memberIds: members.map((member) => member.id),
        projectRoles: changed.map(({ project }) => ({ projectId: project.id, role: changes[project.id]! })),
      });
      toasts.success(ui`Project access updated for ${ui(plural(members.length, 'user'))}.`);
      props.onChanged();
      props.onClose();
    } catch (error) {
      setErrors(error instanceof OperationRefused ? error.errors.map((refusal) => refusal.message) : [describeFailure(error)]);
    } finally {
      setBusy(false);
    }
  }

  const footer =
    step === 'edit' ? (
      <>
        <ActionButton className={s.secondaryButton} onClick={props.onClose}>
          {ui('Cancel')}
        </ActionButton>
        <ActionButton className={s.primaryButton} disabled={changed.length === 0 || admins.length > 0 || !groups.data} onClick={() => setStep('review')}>
          {ui('Next')}
        </ActionButton>
      </>
    ) : (
      <>
        <ActionButton className={s.secondaryButton} disabled={busy} onClick={() => setStep('edit')}>
          {ui('Back')}
        </ActionButton>
        <ActionButton className={s.primaryButton} disabled={busy} onClick={submit}>
          {busy ? ui('Submitting…') : ui('Submit')}
        </ActionButton>
      </>
    );

  return (
    <Modal open={props.open} onClose={props.onClose} busy={busy} title={ui('Manage Project Access')} size="large" footer={footer}>
      <p>Project access for {plural(members.length, 'user')}.</p>
      <p className={s.muted}>{members.map((member) => member.email).join(', ')}</p>
      {admins.length > 0 ? (
        <p role="alert" className={s.formError}>
          {admins.map((admin) => admin.name).join(', ')} {admins.length === 1 ? 'is an Admin' : 'are Admins'} with access to every project; deselect {admins.length === 1 ? 'them' : 'Admins'} to change project access.
        </p>
      ) : null}
      {groups.error ? <ErrorPanel title={ui('Groups could not be loaded')} error={groups.error} onRetry={groups.reload} /> : null}

      {step === 'edit' ? (
        <>
          <div className={s.toolbar}>
            <SearchBox label={ui('Search projects')} placeholder="Search projects" value={search} onChange={setSearch} />
            <span className={s.toolbarSpacer} />
            {BULK.map(({ role, label }) => (
              <ActionButton key={role} className={s.secondaryButton} onClick={() => applyToShown(role)}>
                {ui(label)}
              </ActionButton>
            ))}
          </div>
          <p className={s.muted}>Showing {plural(shown.length, 'project')}</p>
          <table className={s.table} aria-label={ui('Project access')} aria-busy={groups.loading}>
            <thead>
              <tr>
                <th scope="col">{ui('Project')}</th>
                <th scope="col">{ui('Description')}</th>
                <th scope="col">{ui('Role')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ project, current, groupFloor }) => {
                const value: RoleChoice | null = changes[project.id] ?? (current === 'multiple' ? null : current);
                return (
                  <tr key={project.id}>
                    <td>{project.name}</td>
                    <td className={s.muted}>{project.description}</td>
                    <td>
                      <span className={s.roleCell}>
                        <Select<RoleChoice>
                          label={ui`Role for ${project.name}`}
                          value={value}
                          placeholder="Multiple"
                          options={[
                            ...PROJECT_ROLES.map((role) => ({
                              value: role,
                              label: ROLE_LABEL[role],
                              disabled: isBelowFloor(role, groupFloor),
                              reason: GROUP_GRANT_TOOLTIP,
                            })),
                            { value: 'admin', label: 'Admin', disabled: true, reason: ADMIN_REASON },
                          ]}
                          onChange={(role) => role !== 'admin' && setRole(project.id, role)}
                        />
                        {groupFloor !== null ? <Tooltip label={ui`Access to ${project.name} via group`} text={GROUP_GRANT_TOOLTIP} /> : null}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className={s.defaultRoleRow}>
            {/* [guess] Cosmetic in the double: no operation stores a default for new projects. */}
            <button type="button" role="switch" aria-checked={defaultOn} aria-labelledby="mpa-default-label" className={defaultOn ? s.switchOn : s.switch} onClick={() => setDefaultOn((on) => !on)}>
              <span className={s.switchKnob} />
            </button>
            <span id="mpa-default-label">By default add selected user(s) to new projects as a</span>
            <Select<ProjectRole>
              label={ui('Role in new projects')}
              value={defaultRole}
              options={PROJECT_ROLES.filter((role) => role !== 'no_access').map((role) => ({ value: role, label: ROLE_LABEL[role] }))}
              onChange={setDefaultRole}
              disabled={!defaultOn}
            />
          </div>
        </>
      ) : (
        <section aria-label={ui('Review changes')}>
          <h3 className={s.stepTitle}>{ui('Review changes')}</h3>
          <ul className={s.reviewList}>
            {changed.map(({ project, current }) => (
              <li key={project.id}>
                {project.name}: {current === 'multiple' ? 'Multiple' : ROLE_LABEL[current]} → {ROLE_LABEL[changes[project.id]!]}
              </li>
            ))}
          </ul>
        </section>
      )}
      {errors.length > 0 ? (
        <div role="alert" className={s.formError}>
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
    </Modal>
  );
}
