/**
 * Tabs with the ARIA tabs pattern: role=tablist, role=tab (aria-selected, aria-controls),
 * ArrowLeft/Right moving between tabs. The caller renders the panel with `tabPanelProps`.
 */
import type { KeyboardEvent } from 'react';
import s from '../../styles.module.css';

export interface TabDefinition<K extends string> {
  key: K;
  label: string;
}

export const tabId = (prefix: string, key: string): string => `${prefix}-tab-${key}`;
export const panelId = (prefix: string, key: string): string => `${prefix}-panel-${key}`;

export function tabPanelProps(prefix: string, key: string) {
  return { role: 'tabpanel', id: panelId(prefix, key), 'aria-labelledby': tabId(prefix, key), tabIndex: 0 } as const;
}

export function Tabs<K extends string>(props: {
  /** Unique per page, used to build ids. */
  idPrefix: string;
  label: string;
  tabs: readonly TabDefinition<K>[];
  selected: K;
  onSelect: (key: K) => void;
  variant?: 'page' | 'sub';
}) {
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = props.tabs[(index + step + props.tabs.length) % props.tabs.length];
    if (!next) return;
    props.onSelect(next.key);
    document.getElementById(tabId(props.idPrefix, next.key))?.focus();
  }

  return (
    <div role="tablist" aria-label={props.label} className={props.variant === 'sub' ? s.subTabs : s.tabs}>
      {props.tabs.map((tab, index) => {
        const selected = tab.key === props.selected;
        return (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={tabId(props.idPrefix, tab.key)}
            aria-selected={selected}
            aria-controls={panelId(props.idPrefix, tab.key)}
            tabIndex={selected ? 0 : -1}
            className={selected ? s.tabSelected : s.tab}
            onClick={() => props.onSelect(tab.key)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
