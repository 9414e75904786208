/** A failed load, said plainly, with a Retry button. Never a blank area. */
import { describeFailure } from '../../api/errors';
import { ui } from '../../markup';
import { ActionButton } from './ActionButton';
import s from '../../styles.module.css';

export function ErrorPanel(props: { title: string; error: unknown; onRetry: () => void }) {
  return (
    <div role="alert" className={s.errorPanel}>
      <strong>{props.title}</strong>
      <span>{describeFailure(props.error)}</span>
      <ActionButton className={s.secondaryButton} onClick={props.onRetry}>
        {ui('Retry')}
      </ActionButton>
    </div>
  );
}
