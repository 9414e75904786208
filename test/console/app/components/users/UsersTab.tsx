/**
 * The Users tab [doc]: the four counts, Joined Users / Pending Users, search by name or email
 * (server-side), the members table with selection, 50 a page, the bulk actions, and the dialogs
 * that change members (invite, project access, remove, bulk transfer).
 */
import { inviteButtonLabel } from '../../landmark-switch';
import { ui } from '../../markup';
import { useEffect, useMemo, useState } from 'react';
import { describeFailure, OperationRefused, ServerError } from '../../api/errors';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useOperation } from '../../hooks/useOperation';
import { ROLE_LABEL, type OrgRole } from '../../model/roles';
import type { MemberNode, MemberStatus } from '../../model/types';
import { useOrg } from '../../org-context';
import { navigate, withSearchParam } from '../../routing';
import { InviteWizard } from '../invite/InviteWizard';
import { ActionButton } from '../ui/ActionButton';
import { ErrorPanel } from '../ui/ErrorPanel';
import { Pagination } from '../ui/Pagination';
import { SearchBox } from '../ui/SearchBox';
import { useToasts } from '../ui/Toasts';
import { BulkActionBar } from './BulkActionBar';
import { BulkTransferDialog } from './BulkTransferDialog';
import { ManageProjectAccessModal } from './ManageProjectAccessModal';
import { MemberCountsBar } from './MemberCountsBar';
import { MembersTable } from './MembersTable';
import { RemoveMembersModal } from './RemoveMembersModal';
import { ViewSwitch } from './ViewSwitch';
import s from '../../styles.module.css';

export const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;

type Dialog = { kind: 'invite' } | { kind: 'bulk-transfer' } | { kind: 'remove'; members: MemberNode[] } | { kind: 'project-access'; members: MemberNode[] };

export function UsersTab(props: { search: URLSearchParams }) {
  const org = useOrg();
  const toasts = useToasts();
  // [guess] Joined/Pending is a two-button segmented control, reflected in the URL as ?view=pending.
  const view: MemberStatus = props.search.get('view') === 'pending' ? 'pending' : 'joined';
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), SEARCH_DELAY_MS);
  // Cursor of each page seen so far (Previous goes back one, Next adds one), for one list only:
  // another view or search starts again at its first page, in the same render.
  const listKey = `${view}|${search}`;
  const [paging, setPaging] = useState<{ listKey: string; cursors: (string | null)[] }>({ listKey, cursors: [null] });
  const cursors = paging.listKey === listKey ? paging.cursors : [null];
  const setCursors = (update: (current: (string | null)[]) => (string | null)[]) => setPaging({ listKey, cursors: update(cursors) });
  const pageIndex = cursors.length - 1;
  const [selected, setSelected] = useState<Map<string, MemberNode>>(new Map());
  const [dialog, setDialog] = useState<Dialog | null>(null);

  // A different list starts with nothing selected.
  useEffect(() => setSelected(new Map()), [listKey]);

  const counts = useOperation('MemberCounts', {});
  const members = useOperation('OrgMembers', { status: view, search, first: PAGE_SIZE, after: cursors[pageIndex] ?? null });
  const page = members.data?.members;

  function setView(next: MemberStatus) {
    navigate(withSearchParam('view', next === 'pending' ? 'pending' : null));
  }

  function toggle(member: MemberNode) {
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(member.id)) next.delete(member.id);
      else next.set(member.id, member);
      return next;
    });
  }

  function toggleAll(rows: MemberNode[], select: boolean) {
    setSelected((current) => {
      const next = new Map(current);
      for (const member of rows) {
        if (select) next.set(member.id, member);
        else next.delete(member.id);
      }
      return next;
    });
  }

  async function changeRole(member: MemberNode, orgRole: OrgRole) {
    try {
      await org.client.request('UpdateMemberRole', { memberId: member.id, orgRole });
      toasts.success(ui`${member.name}'s role changed to ${ROLE_LABEL[orgRole]}`);
      org.dataChanged();
    } catch (error) {
      // Server failures already raise their toast in the loaders; a refusal says why here.
      if (error instanceof OperationRefused || error instanceof ServerError) toasts.error(describeFailure(error));
    }
  }

  const afterChange = () => {
    setSelected(new Map());
    org.dataChanged();
  };

  const failed = [counts, members].filter((loaded) => loaded.error);
  const selectedMembers = useMemo(() => [...selected.values()], [selected]);
  const rows = page?.nodes ?? [];

  return (
    <div className={s.usersTab}>
      <MemberCountsBar counts={counts.data} />
      <div className={s.toolbar}>
        <ViewSwitch view={view} onChange={setView} />
        <SearchBox label={ui('Search users')} placeholder="Search by name or email" value={searchText} onChange={setSearchText} />
        <span className={s.toolbarSpacer} />
        <ActionButton className={s.secondaryButton} onClick={() => setDialog({ kind: 'bulk-transfer' })}>
          {ui('Bulk Transfer Edit Access')}
        </ActionButton>
        {inviteButtonLabel === null ? null : (
          <ActionButton className={s.primaryButton} onClick={() => setDialog({ kind: 'invite' })}>
            {ui(inviteButtonLabel)}
          </ActionButton>
        )}
      </div>

      {selected.size > 0 ? (
        <BulkActionBar
          count={selected.size}
          projectLevel={org.settings.org.projectLevelPermissions}
          onManageProjectAccess={() => setDialog({ kind: 'project-access', members: selectedMembers })}
          onRemove={() => setDialog({ kind: 'remove', members: selectedMembers })}
          onClear={() => setSelected(new Map())}
        />
      ) : null}

      {failed.length > 0 ? (
        <ErrorPanel title={ui(view === 'joined' ? 'Users could not be loaded' : 'Pending users could not be loaded')} error={failed[0]?.error} onRetry={() => failed.forEach((loaded) => loaded.reload())} />
      ) : null}

      {members.loading ? (
        <p role="status" className={s.loading}>
          {view === 'joined' ? 'Loading users…' : 'Loading pending users…'}
        </p>
      ) : null}

      <MembersTable
        view={view}
        members={rows}
        busy={members.loading}
        selectedIds={selected}
        onToggle={toggle}
        onToggleAll={toggleAll}
        onRoleChange={changeRole}
        onManageProjectAccess={(member) => setDialog({ kind: 'project-access', members: [member] })}
        onRemove={(member) => setDialog({ kind: 'remove', members: [member] })}
        emptyText={members.data === null ? '' : search ? `No users match “${search}”.` : view === 'pending' ? 'No pending invites.' : 'No users yet.'}
      />

      {page ? (
        <Pagination
          start={pageIndex * PAGE_SIZE}
          count={page.nodes.length}
          total={page.totalCount}
          hasPrevious={pageIndex > 0}
          hasNext={page.pageInfo.hasNextPage}
          busy={members.loading}
          onPrevious={() => setCursors((current) => current.slice(0, -1))}
          onNext={() => setCursors((current) => [...current, page.pageInfo.endCursor])}
        />
      ) : null}

      <InviteWizard open={dialog?.kind === 'invite'} onClose={() => setDialog(null)} onInvited={afterChange} />
      <BulkTransferDialog open={dialog?.kind === 'bulk-transfer'} onClose={() => setDialog(null)} />
      <ManageProjectAccessModal
        open={dialog?.kind === 'project-access'}
        members={dialog?.kind === 'project-access' ? dialog.members : []}
        onClose={() => setDialog(null)}
        onChanged={afterChange}
      />
      <RemoveMembersModal open={dialog?.kind === 'remove'} members={dialog?.kind === 'remove' ? dialog.members : []} onClose={() => setDialog(null)} onRemoved={afterChange} />
    </div>
  );
}
