/** "1–50 of 312" with Previous and Next [guess: the real console's paging is not public]. */
import { rangeText } from '../../model/format';
import { ui } from '../../markup';
import { ActionButton } from './ActionButton';
import s from '../../styles.module.css';

export function Pagination(props: { start: number; count: number; total: number; hasPrevious: boolean; hasNext: boolean; onPrevious: () => void; onNext: () => void; busy?: boolean }) {
  return (
    <nav aria-label={ui('Pagination')} className={s.pagination}>
      <span className={s.paginationRange}>{rangeText(props.start, props.count, props.total)}</span>
      <ActionButton className={s.secondaryButton} disabled={!props.hasPrevious || props.busy} onClick={props.onPrevious}>
        {ui('Previous')}
      </ActionButton>
      <ActionButton className={s.secondaryButton} disabled={!props.hasNext || props.busy} onClick={props.onNext}>
        {ui('Next')}
      </ActionButton>
    </nav>
  );
}
