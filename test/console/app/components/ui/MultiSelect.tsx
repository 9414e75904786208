/**
 * A dropdown for several choices (e.g. team spaces): the same combobox and portal listbox as
 * Select, but aria-multiselectable, and picking toggles an option without closing the list.
 */
import { useId, useRef } from 'react';
import { ListboxPopup, optionId, type ListOption } from './ListboxPopup';
import { useListNavigation } from './useListNavigation';
import s from '../../styles.module.css';

export function MultiSelect<V extends string>(props: {
  label: string;
  values: readonly V[];
  options: readonly ListOption<V>[];
  onChange: (values: V[]) => void;
  placeholder?: string;
}) {
  const listId = useId();
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const { options, values } = props;

  const nav = useListNavigation({
    items: options,
    anchorRef: buttonRef,
    initialIndex: () => options.findIndex((option) => !option.disabled),
    onPick: (index) => toggle(index),
  });

  function toggle(index: number) {
    const option = options[index];
    if (!option || option.disabled) return;
    props.onChange(values.includes(option.value) ? values.filter((value) => value !== option.value) : [...values, option.value]);
  }

  const chosen = options.filter((option) => values.includes(option.value)).map((option) => option.label);
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
        className={s.select}
        onClick={() => (nav.open ? nav.close() : nav.openList())}
        onKeyDown={(event) => nav.onKeyDown(event)}
      >
        <span className={chosen.length ? s.selectValue : s.selectPlaceholder}>{chosen.length ? chosen.join(', ') : (props.placeholder ?? 'Select')}</span>
        <span aria-hidden="true" className={s.chevron}>
          ▾
        </span>
      </button>
      {nav.open ? (
        <ListboxPopup
          id={listId}
          label={props.label}
          multiple
          anchorRef={buttonRef}
          listRef={nav.listRef}
          options={options}
          activeIndex={nav.activeIndex}
          isSelected={(value) => values.includes(value)}
          onPick={toggle}
          onHover={nav.setActiveIndex}
        />
      ) : null}
    </>
  );
}
