/**
 * An editable combobox (input role=combobox, aria-autocomplete=list) whose options come from a
 * server-side search, e.g. picking a person among thousands. The list opens in a portal at the
 * end of <body>. Clearing the text clears the choice.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ListboxPopup, optionId, type ListOption } from './ListboxPopup';
import { useListNavigation } from './useListNavigation';
import { describeFailure } from '../../api/errors';
import s from '../../styles.module.css';

const SEARCH_DELAY_MS = 250;

export function SearchCombobox(props: {
  label: string;
  placeholder: string;
  value: ListOption | null;
  onChange: (option: ListOption | null) => void;
  search: (text: string) => Promise<ListOption[]>;
  noMatchesText?: string;
  className?: string;
}) {
  const listId = useId();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [text, setText] = useState(props.value?.label ?? '');
  const [results, setResults] = useState<ListOption[]>([]);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const [errorText, setErrorText] = useState('');
  const requestSeq = useRef(0);

  const nav = useListNavigation({
    items: results,
    anchorRef: inputRef,
    initialIndex: () => -1,
    onPick: (index) => pick(index),
  });

  // A choice made elsewhere (or cleared) shows in the input.
  useEffect(() => setText(props.value?.label ?? ''), [props.value?.value, props.value?.label]);

  // Search whenever the list is open and the text settles.
  const { search } = props;
  useEffect(() => {
    if (!nav.open) return;
    const seq = ++requestSeq.current;
    setStatus('loading');
    const query = text === props.value?.label ? '' : text;
    const timer = window.setTimeout(() => {
      search(query).then(
        (options) => {
          if (seq !== requestSeq.current) return;
          setResults(options);
          setStatus('idle');
        },
        (error: unknown) => {
          if (seq !== requestSeq.current) return;
          setResults([]);
          setErrorText(describeFailure(error));
          setStatus('error');
        },
      );
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- props.value.label only decides whether the text is a query
  }, [nav.open, text, search]);

  function pick(index: number) {
    const option = results[index];
    if (!option || option.disabled) return;
    props.onChange(option);
    setText(option.label);
    nav.close();
  }

  const emptyText = status === 'loading' ? 'Loading…' : status === 'error' ? errorText : (props.noMatchesText ?? 'No matches');
  return (
    <>
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        aria-label={props.label}
        aria-autocomplete="list"
        aria-expanded={nav.open}
        aria-controls={listId}
        aria-activedescendant={nav.open && nav.activeIndex >= 0 ? optionId(listId, nav.activeIndex) : undefined}
        autoComplete="off"
        placeholder={props.placeholder}
        className={[s.input, props.className ?? ''].join(' ')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value === '' && props.value) props.onChange(null);
          if (!nav.open) nav.openList();
        }}
        onClick={() => (nav.open ? undefined : nav.openList())}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && nav.open && nav.activeIndex < 0) event.preventDefault();
          nav.onKeyDown(event, { openKeys: ['ArrowDown', 'ArrowUp'], textInput: true });
        }}
        onBlur={() => {
          nav.close();
          setText(props.value?.label ?? '');
        }}
      />
      {nav.open ? (
        <ListboxPopup
          id={listId}
          label={props.label}
          anchorRef={inputRef}
          listRef={nav.listRef}
          options={status === 'idle' ? results : []}
          activeIndex={status === 'idle' ? nav.activeIndex : -1}
          isSelected={(value) => value === props.value?.value}
          onPick={pick}
          onHover={nav.setActiveIndex}
          emptyText={emptyText}
        />
      ) : null}
    </>
  );
}
