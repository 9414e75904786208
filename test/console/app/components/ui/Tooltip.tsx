/**
 * A small info mark that shows a role=tooltip on hover or keyboard focus, linked with
 * aria-describedby; e.g. "User(s) are assigned access to this project via Group(s)" [doc].
 */
import { useId, useState, type ReactNode } from 'react';
import s from '../../styles.module.css';

export function Tooltip(props: { text: string; label: string; children?: ReactNode }) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <span className={s.tooltipWrap} onMouseEnter={() => setShown(true)} onMouseLeave={() => setShown(false)}>
      <button
        type="button"
        className={s.tooltipTrigger}
        aria-label={props.label}
        aria-describedby={id}
        onFocus={() => setShown(true)}
        onBlur={() => setShown(false)}
      >
        {props.children ?? 'i'}
      </button>
      <span role="tooltip" id={id} className={s.tooltip} hidden={!shown}>
        {props.text}
      </span>
    </span>
  );
}
