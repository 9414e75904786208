/**
 * "Create New Group" [shot]. The double has no operation to create groups, so this is a
 * placeholder form whose Save stays disabled [guess].
 */
import { useState } from 'react';
import { ui } from '../../markup';
import { ActionButton } from '../ui/ActionButton';
import { Modal } from '../ui/Modal';
import s from '../../styles.module.css';

export function NewGroupPane(props: { open: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  return (
    <Modal
      open={props.open}
      onClose={props.onClose}
      variant="panel"
      title={ui('Create New Group')}
      footer={
        <>
          <ActionButton className={s.secondaryButton} onClick={props.onClose}>
            {ui('Cancel')}
          </ActionButton>
          <ActionButton className={s.primaryButton} disabled title="Creating groups is not available in the console double.">
            {ui('Save')}
          </ActionButton>
        </>
      }
    >
      <div className={s.stepBody}>
        <label className={s.field}>
          <span className={s.fieldLabel}>{ui('Name *')}</span>
          <input className={s.input} value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className={s.field}>
          <span className={s.fieldLabel}>{ui('Description')}</span>
          <input className={s.input} value={description} onChange={(event) => setDescription(event.target.value)} />
        </label>
        <div className={s.field}>
          <span className={s.fieldLabel}>{ui('Group Type')}</span>
          <span>Regular</span>
        </div>
        <p className={s.muted}>Creating groups is not available in the console double.</p>
      </div>
    </Modal>
  );
}
