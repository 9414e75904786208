/** The four counts at the top of the Users tab [doc]; each is a labelled group ("Pending users"). */
import type { MemberCounts } from '../../model/types';
import { ui } from '../../markup';
import s from '../../styles.module.css';

const COUNTS: readonly { key: keyof MemberCounts; label: string }[] = [
  { key: 'total', label: 'Total users' },
  { key: 'joined', label: 'Joined users' },
  { key: 'pending', label: 'Pending users' },
  { key: 'requestingAccess', label: 'Users requesting access' },
];

export function MemberCountsBar(props: { counts: MemberCounts | null }) {
  return (
    <div className={s.counts}>
      {COUNTS.map(({ key, label }) => (
        <div key={key} role="group" aria-label={ui(label)} className={s.countTile}>
          <span className={s.countValue}>{props.counts ? props.counts[key].toLocaleString('en-US') : '–'}</span>
          <span className={s.countLabel}>{ui(label)}</span>
        </div>
      ))}
    </div>
  );
}
