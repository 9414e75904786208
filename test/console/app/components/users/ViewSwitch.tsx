/**
 * Joined Users / Pending Users [doc]. Their form is not public [guess]: here a segmented control
 * of two toggle buttons (aria-pressed) in a labelled group.
 */
import type { MemberStatus } from '../../model/types';
import { ui } from '../../markup';
import { ActionButton } from '../ui/ActionButton';
import s from '../../styles.module.css';

const VIEWS: readonly { status: MemberStatus; label: string }[] = [
  { status: 'joined', label: 'Joined Users' },
  { status: 'pending', label: 'Pending Users' },
];

export function ViewSwitch(props: { view: MemberStatus; onChange: (view: MemberStatus) => void }) {
  return (
    <div role="group" aria-label={ui('Show users')} className={s.segmented}>
      {VIEWS.map(({ status, label }) => (
        <ActionButton key={status} aria-pressed={props.view === status} className={props.view === status ? s.segmentOn : s.segment} onClick={() => props.onChange(status)}>
          {ui(label)}
        </ActionButton>
      ))}
    </div>
  );
}
