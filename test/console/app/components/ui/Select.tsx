/**
 * A custom dropdown as the console has them: a button with role=combobox whose list (role=listbox,
 * role=option) opens in a portal at the end of <body>. Single choice; see MultiSelect for several.
 */
import { useId, useRef } from 'react';
import { ListboxPopup, optionId, type ListOption } from './ListboxPopup';
import { useListNavigation } from './useListNavigation';
import s from '../../styles.module.css';

export interface SelectProps<V extends string> {
  /** The accessible name, e.g. "Role for Grace Liu". */
  label: string;
  value: V | null;
  options: readonly ListOption<V>[];
  onChange: (value: V) => void;
  placeholder?: string;
  disabled?: boolean;
  /** Tooltip when disabled. */
  disabledReason?: string;
  className?: string;
}

export function Select<V extends string>(props: SelectProps<V>) {
  const listId = useId();
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const { options, value } = props;
  const selectedIndex = options.findIndex((option) => option.value === value);

  const nav = useListNavigation({
    items: options,
    anchorRef: buttonRef,
    initialIndex: () => (selectedIndex >= 0 ? selectedIndex : options.findIndex((option) => !option.disabled)),
    onPick: (index) => pick(index),
  });

  function pick(index: number) {
    const option = options[index];
    if (!option || option.disabled) return;
    nav.close();
    if (option.value !== value) props.onChange(option.value);
  }

  const selected = options[selectedIndex];
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        role="combobox"
        aria-label={props.label}
        aria-haspopup="listbox"
        aria-expanded={nav.open}
        aria-controls={listId}
        aria-activedescendant={nav.open && nav.activeIndex >= 0 ? optionId(listId, nav.activeIndex) : undefined}
        disabled={props.disabled}
        title={props.disabled ? props.disabledReason : undefined}
        className={[s.select, props.className ?? ''].join(' ')}
        onClick={() => (nav.open ? nav.close() : nav.openList())}
        onKeyDown={(event) => nav.onKeyDown(event)}
      >
        <span className={selected ? s.selectValue : s.selectPlaceholder}>{selected?.label ?? props.placeholder ?? 'Select'}</span>
        <span aria-hidden="true" className={s.chevron}>
          ▾
        </span>
      </button>
      {nav.open ? (
        <ListboxPopup
          id={listId}
          label={props.label}
          anchorRef={buttonRef}
          listRef={nav.listRef}
          options={options}
          activeIndex={nav.activeIndex}
          isSelected={(optionValue) => optionValue === value}
          onPick={pick}
          onHover={nav.setActiveIndex}
        />
      ) : null}
    </>
  );
}
