/** With rows selected: "N selected", Manage Project Access and Remove [doc]. */
import { ui } from '../../markup';
import { ActionButton } from '../ui/ActionButton';
import s from '../../styles.module.css';

export function BulkActionBar(props: { count: number; projectLevel: boolean; onManageProjectAccess: () => void; onRemove: () => void; onClear: () => void }) {
  return (
    <div role="toolbar" aria-label={ui('Bulk actions')} className={s.bulkBar}>
      <span className={s.bulkCount}>{ui`${props.count} selected`}</span>
      <ActionButton
        className={s.secondaryButton}
        disabled={!props.projectLevel}
        // [guess] Org-level orgs have one role for every project, changed in the Role column.
        title={props.projectLevel ? undefined : 'This organization uses one role for every project; change it in the Role column.'}
        onClick={props.onManageProjectAccess}
      >
        {ui('Manage Project Access')}
      </ActionButton>
      <ActionButton className={s.dangerButton} onClick={props.onRemove}>
        {ui('Remove')}
      </ActionButton>
      <ActionButton className={s.linkButton} onClick={props.onClear}>
        {ui('Clear selection')}
      </ActionButton>
    </div>
  );
}
