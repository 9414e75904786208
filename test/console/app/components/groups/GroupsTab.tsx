/**
 * The Groups tab [shot]: "Only Admins can manage Groups.", New Group, Search, Filter by Project,
 * Filter by Member, "Showing N groups", Delete (disabled until rows are selected), and the table.
 * Search and filters are server-side (PermissionGroups); sorting by name is on the page.
 */
import { useCallback, useEffect, useState } from 'react';
import { fetchAllGroupsMatching } from '../../api/fetch-all';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useLoader } from '../../hooks/useLoader';
import { plural } from '../../model/format';
import type { GroupNode } from '../../model/types';
import { ui } from '../../markup';
import { useOrg } from '../../org-context';
import { ActionButton } from '../ui/ActionButton';
import { ErrorPanel } from '../ui/ErrorPanel';
import type { ListOption } from '../ui/ListboxPopup';
import { SearchBox } from '../ui/SearchBox';
import { SearchCombobox } from '../ui/SearchCombobox';
import { Select } from '../ui/Select';
import { useToasts } from '../ui/Toasts';
import { GroupPane } from './GroupPane';
import { GroupsTable } from './GroupsTable';
import { NewGroupPane } from './NewGroupPane';
import s from '../../styles.module.css';

const ALL_PROJECTS = '__all__';

export function GroupsTab() {
  const { client, projects, dataVersion } = useOrg();
  const toasts = useToasts();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 300);
  const [projectId, setProjectId] = useState<string | null>(null);
  const [member, setMember] = useState<ListOption | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openGroup, setOpenGroup] = useState<GroupNode | null>(null);
  const [creating, setCreating] = useState(false);

  const memberId = member?.value ?? null;
  const groups = useLoader(() => fetchAllGroupsMatching(client, { search, projectId, memberId }), [client, search, projectId, memberId, dataVersion]);
  useEffect(() => setSelected(new Set()), [search, projectId, memberId]);

  const searchMembers = useCallback(
    async (text: string): Promise<ListOption[]> => {
      const [joined, pending] = await Promise.all(
        (['joined', 'pending'] as const).map((status) => client.request('OrgMembers', { status, search: text, first: 50 })),
      );
      return [...(joined?.members.nodes ?? []), ...(pending?.members.nodes ?? [])].map((node) => ({
        value: node.id,
        label: node.name,
        detail: node.name === node.email ? 'Pending' : node.email,
      }));
    },
    [client],
  );

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const list = groups.data?.groups ?? [];
  return (
    <div className={s.groupsTab}>
      <div className={s.toolbar}>
        <p className={s.note}>Only Admins can manage Groups.</p>
        <span className={s.toolbarSpacer} />
        <ActionButton className={s.primaryButton} onClick={() => setCreating(true)}>
          {ui('New Group')}
        </ActionButton>
      </div>
      <div className={s.toolbar}>
        <SearchBox label={ui('Search groups')} placeholder="Search" value={searchText} onChange={setSearchText} />
        <Select
          label={ui('Filter by Project')}
          placeholder="Filter by Project"
          value={projectId}
          options={[{ value: ALL_PROJECTS, label: 'All projects' }, ...projects.map((project) => ({ value: project.id, label: project.name }))]}
          onChange={(value) => setProjectId(value === ALL_PROJECTS ? null : value)}
        />
        <SearchCombobox label={ui('Filter by Member')} placeholder="Filter by Member" value={member} onChange={setMember} search={searchMembers} noMatchesText="No users match" />
      </div>
      <div className={s.toolbar}>
        <span>{groups.data ? `Showing ${plural(groups.data.totalCount, 'group')}` : ''}</span>
        <span className={s.toolbarSpacer} />
        <ActionButton
          className={s.secondaryButton}
          disabled={selected.size === 0}
          // [guess] The double has no operation for deleting groups.
          onClick={() => toasts.error('Deleting groups is not available in the console double.')}
        >
          {ui('Delete')}
        </ActionButton>
      </div>
      {groups.error ? <ErrorPanel title={ui('Groups could not be loaded')} error={groups.error} onRetry={groups.reload} /> : null}
      {groups.loading ? (
        <p role="status" className={s.loading}>
          Loading groups…
        </p>
      ) : null}
      <GroupsTable groups={list} busy={groups.loading} selectedIds={selected} onToggle={toggle} onOpen={setOpenGroup} emptyText={groups.data ? 'No groups match.' : ''} />

      <GroupPane group={openGroup} onClose={() => setOpenGroup(null)} />
      <NewGroupPane open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
