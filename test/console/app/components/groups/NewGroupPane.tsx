/**
 * "Create New Group" [shot]. The double has no operation to create groups, so this is a
 * placeholder form whose Save stays disabled [guess].
 */
import { useState } from 'react';
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
      title="Create New Group"
      footer={
        <>
          <button type="button" className={s.secondaryButton} onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className={s.primaryButton} disabled title="Creating groups is not available in the console double.">
            Save
          </button>
        </>
      }
    >
      <div className={s.stepBody}>
        <label className={s.field}>
          <span className={s.fieldLabel}>Name *</span>
          <input className={s.input} value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className={s.field}>
          <span className={s.fieldLabel}>Description</span>
          <input className={s.input} value={description} onChange={(event) => setDescription(event.target.value)} />
        </label>
        <div className={s.field}>
          <span className={s.fieldLabel}>Group Type</span>
          <span>Regular</span>
        </div>
        <p className={s.muted}>Creating groups is not available in the console double.</p>
      </div>
    </Modal>
  );
}
