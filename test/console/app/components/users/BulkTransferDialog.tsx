/**
 * Bulk Transfer Edit Access [doc: moves orphaned content later, Admins only, irreversible]. The
 * double has no operation for it, so the dialog only explains [guess].
 */
import { ui } from '../../markup';
import { ActionButton } from '../ui/ActionButton';
import { Modal } from '../ui/Modal';
import s from '../../styles.module.css';

export function BulkTransferDialog(props: { open: boolean; onClose: () => void }) {
  return (
    <Modal
      open={props.open}
      onClose={props.onClose}
      title={ui('Bulk Transfer Edit Access')}
      size="small"
      footer={
        <ActionButton className={s.primaryButton} onClick={props.onClose}>
          {ui('Close')}
        </ActionButton>
      }
    >
      <p>Transfer edit access to content whose owners were removed to another user. Transfers cannot be undone.</p>
      <p className={s.muted}>Not available in the console double.</p>
    </Modal>
  );
}
