/** With rows selected: "N selected", Manage Project Access and Remove [doc]. */
import s from '../../styles.module.css';

export function BulkActionBar(props: { count: number; projectLevel: boolean; onManageProjectAccess: () => void; onRemove: () => void; onClear: () => void }) {
  return (
    <div role="toolbar" aria-label="Bulk actions" className={s.bulkBar}>
      <span className={s.bulkCount}>{props.count} selected</span>
      <button
        type="button"
        className={s.secondaryButton}
        disabled={!props.projectLevel}
        // [guess] Org-level orgs have one role for every project, changed in the Role column.
        title={props.projectLevel ? undefined : 'This organization uses one role for every project; change it in the Role column.'}
        onClick={props.onManageProjectAccess}
      >
        Manage Project Access
      </button>
      <button type="button" className={s.dangerButton} onClick={props.onRemove}>
        Remove
      </button>
      <button type="button" className={s.linkButton} onClick={props.onClear}>
        Clear selection
      </button>
    </div>
  );
}
