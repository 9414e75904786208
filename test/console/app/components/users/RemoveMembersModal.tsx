/**
 * "Remove Members?" [doc]: who is removed, a checkbox to transfer their content to another user who
 * was active in the last 30 days [doc], Cancel and Remove [guess: wording of checkbox and button].
 * The server's refusals (only Admin, oneself, inactive recipient) appear here, and nothing changes.
 * Markup flags: `reworded` (confirm "Remove Members", an unnamed list, other checkbox and combobox
 * names), `removeListEmails`, `personEmail`, `confirmDialogRole`, `actions`, `labelCase`.
 */
import { useCallback, useEffect, useState } from 'react';
import { describeFailure, OperationRefused } from '../../api/errors';
import { useLatched } from '../../hooks/useLatched';
import { isRecentlyActive, plural } from '../../model/format';
import type { MemberNode } from '../../model/types';
import { markup, ui } from '../../markup';
import { useOrg } from '../../org-context';
import { ActionButton } from '../ui/ActionButton';
import type { ListOption } from '../ui/ListboxPopup';
import { Modal } from '../ui/Modal';
import { Person } from '../ui/Person';
import { SearchCombobox } from '../ui/SearchCombobox';
import { useToasts } from '../ui/Toasts';
import s from '../../styles.module.css';

/** [guess] Our wording, or the `reworded` flag's. */
const LABELS = markup.reworded
  ? { confirm: 'Remove Members', list: undefined, transfer: 'Transfer their content before removing', recipient: 'New content owner' }
  : { confirm: 'Remove', list: 'Users to remove', transfer: 'Transfer content to another user', recipient: 'Transfer content to' };

function contentSummary(member: MemberNode): string {
  const { charts, dashboards, cohorts, notebooks } = member.content;
  if (charts + dashboards + cohorts + notebooks === 0) return 'Owns no content';
  return `Owns ${plural(charts, 'chart')}, ${plural(dashboards, 'dashboard')}, ${plural(cohorts, 'cohort')}, ${plural(notebooks, 'notebook')}`;
}

export function RemoveMembersModal(props: { open: boolean; members: MemberNode[]; onClose: () => void; onRemoved: () => void }) {
  const { client, settings } = useOrg();
  const toasts = useToasts();
  const members = useLatched(props.members, props.open);
  const [transfer, setTransfer] = useState(false);
  const [recipient, setRecipient] = useState<ListOption | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    if (!props.open) return;
    setTransfer(false);
    setRecipient(null);
    setErrors([]);
    setBusy(false);
  }, [props.open]);

  const removingIds = members.map((member) => member.id).join(',');
  const searchRecipients = useCallback(
    async (text: string): Promise<ListOption[]> => {
      const removing = new Set(removingIds.split(','));
      const { members: found } = await client.request('OrgMembers', { status: 'joined', search: text, first: 100 });
      return found.nodes
        .filter((member) => !removing.has(member.id) && isRecentlyActive(member, settings.now))
        .map((member) => ({ value: member.id, label: member.name, detail: member.email }));
    },
    [client, settings.now, removingIds],
  );

  async function remove() {
    setBusy(true);
    setErrors([]);
    try {
      await client.request('RemoveMembers', { memberIds: members.map((member) => member.id), transferToMemberId: transfer ? (recipient?.value ?? null) : null });
      const who = members.length === 1 && members[0] ? members[0].name : ui(plural(members.length, 'user'));
      toasts.success(transfer && recipient ? ui`Removed ${who}. Content transferred to ${recipient.label}.` : ui`Removed ${who}.`);
      props.onRemoved();
      props.onClose();
    } catch (error) {
      setErrors(error instanceof OperationRefused ? error.errors.map((refusal) => refusal.message) : [describeFailure(error)]);
    } finally {
      setBusy(false);
    }
  }

  const canConfirm = !busy && members.length > 0 && (!transfer || recipient !== null);
  return (
    <Modal
      open={props.open}
      onClose={props.onClose}
      busy={busy}
      title={ui('Remove Members?')}
      confirmation
      footer={
        <>
          <ActionButton className={s.secondaryButton} onClick={props.onClose} disabled={busy}>
            {ui('Cancel')}
          </ActionButton>
          <ActionButton className={s.dangerButton} onClick={remove} disabled={!canConfirm}>
            {busy ? ui('Removing…') : ui(LABELS.confirm)}
          </ActionButton>
        </>
      }
    >
      <p>
        {members.length === 1 ? 'This user will be removed' : `These ${members.length} users will be removed`} from {settings.org.name} immediately. This cannot be undone.
      </p>
      <ul aria-label={LABELS.list === undefined ? undefined : ui(LABELS.list)} className={s.personList}>
        {members.map((member) => (
          <li key={member.id}>
            <Person name={member.name} email={member.email} showEmail={markup.removeListEmails === 'shown'} />
            <div className={s.muted}>{contentSummary(member)}</div>
          </li>
        ))}
      </ul>
      <label className={s.checkboxLabel}>
        <input type="checkbox" checked={transfer} onChange={(event) => setTransfer(event.target.checked)} disabled={busy} />
        {ui(LABELS.transfer)}
      </label>
      {transfer ? (
        <div className={s.field}>
          <SearchCombobox
            label={ui(LABELS.recipient)}
            placeholder="Search for a user active in the last 30 days"
            value={recipient}
            onChange={setRecipient}
            search={searchRecipients}
            noMatchesText="No user active in the last 30 days matches"
          />
          <p className={s.hint}>Only users active in the last 30 days can receive content.</p>
        </div>
      ) : (
        <p className={s.hint}>Content that is not transferred becomes unassigned.</p>
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
