/**
 * The floating list of a combobox: role=listbox with role=option children, in a portal at the end
 * of <body>, placed under (or above) its anchor and following it on scroll and resize.
 * Options never take focus: focus stays on the combobox, which points at the active option with
 * aria-activedescendant (the ARIA combobox pattern).
 */
import { useEffect, useLayoutEffect, useState, type ReactNode, type RefObject } from 'react';
import { Portal } from './Portal';
import s from '../../styles.module.css';

export interface ListOption<V extends string = string> {
  value: V;
  label: string;
  /** A greyed-out option (aria-disabled) that cannot be picked; `reason` is its tooltip. */
  disabled?: boolean;
  reason?: string;
  /** A second, quieter line (not part of the accessible name). */
  detail?: string;
}

interface Placement {
  top: number;
  left: number;
  minWidth: number;
  maxHeight: number;
}

const GAP = 4;
const PREFERRED_HEIGHT = 280;

function placeBelowOrAbove(anchor: HTMLElement): Placement {
  const rect = anchor.getBoundingClientRect();
  const below = window.innerHeight - rect.bottom - GAP * 2;
  const above = rect.top - GAP * 2;
  const useAbove = below < Math.min(PREFERRED_HEIGHT, 160) && above > below;
  const maxHeight = Math.max(120, Math.min(PREFERRED_HEIGHT, useAbove ? above : below));
  return {
    top: useAbove ? Math.max(GAP, rect.top - GAP - maxHeight) : rect.bottom + GAP,
    left: Math.min(rect.left, Math.max(GAP, window.innerWidth - Math.max(rect.width, 200) - GAP)),
    minWidth: rect.width,
    maxHeight,
  };
}

export const optionId = (listId: string, index: number): string => `${listId}-option-${index}`;

export function ListboxPopup<V extends string>(props: {
  id: string;
  label: string;
  anchorRef: RefObject<HTMLElement | null>;
  listRef: RefObject<HTMLUListElement | null>;
  options: readonly ListOption<V>[];
  activeIndex: number;
  isSelected: (value: V) => boolean;
  multiple?: boolean;
  onPick: (index: number) => void;
  onHover: (index: number) => void;
  /** Shown instead of options, e.g. "Loading…" or "No matches". */
  emptyText?: ReactNode;
}) {
  const { anchorRef, activeIndex, listRef, id } = props;
  const [placement, setPlacement] = useState<Placement | null>(null);

  useLayoutEffect(() => {
    const anchor = anchorRef.current;
    if (!anchor) return;
    const update = () => setPlacement(placeBelowOrAbove(anchor));
    update();
    window.addEventListener('resize', update);
    window.addEventListener('scroll', update, true);
    return () => {
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update, true);
    };
  }, [anchorRef]);

  useEffect(() => {
    if (activeIndex < 0) return;
    document.getElementById(optionId(id, activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, id]);

  return (
    <Portal>
      <ul
        ref={listRef}
        id={id}
        role="listbox"
        aria-label={props.label}
        aria-multiselectable={props.multiple ? true : undefined}
        className={s.listbox}
        style={placement ? { top: placement.top, left: placement.left, minWidth: placement.minWidth, maxHeight: placement.maxHeight } : { visibility: 'hidden' }}
        // Keep focus on the combobox when the list is clicked.
        onMouseDown={(event) => event.preventDefault()}
      >
        {props.options.length === 0 && props.emptyText ? <li className={s.listboxEmpty}>{props.emptyText}</li> : null}
        {props.options.map((option, index) => {
          const selected = props.isSelected(option.value);
          return (
            <li
              key={option.value}
              id={optionId(id, index)}
              role="option"
              aria-selected={selected}
              aria-disabled={option.disabled ? true : undefined}
              title={option.disabled ? option.reason : undefined}
              className={[s.option, index === activeIndex ? s.optionActive : '', option.disabled ? s.optionDisabled : '', selected ? s.optionSelected : ''].join(' ')}
              onMouseMove={() => props.onHover(index)}
              onClick={() => props.onPick(index)}
            >
              {props.multiple ? <span aria-hidden="true" className={s.optionCheck}>{selected ? '✓' : ''}</span> : null}
              <span className={s.optionLabel}>{option.label}</span>
              {option.detail ? (
                <span aria-hidden="true" className={s.optionDetail}>
                  {option.detail}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Portal>
  );
}
