/**
 * Keyboard and pointer behaviour shared by the comboboxes: which option is active, opening,
 * closing on Escape, Tab or a click elsewhere. ArrowUp/Down move, Home/End jump, Enter picks.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { ListOption } from './ListboxPopup';

export function useListNavigation<V extends string>(options: {
  items: readonly ListOption<V>[];
  /** Where the active option starts when the list opens. */
  initialIndex: () => number;
  onPick: (index: number) => void;
  anchorRef: RefObject<HTMLElement | null>;
}) {
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const listRef = useRef<HTMLUListElement | null>(null);
  const { items, anchorRef } = options;

  const openList = () => {
    setActiveIndex(options.initialIndex());
    setOpen(true);
  };
  const close = () => setOpen(false);

  // A press anywhere outside the combobox and its list closes the list.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: MouseEvent) => {
      const target = event.target as Node;
      if (anchorRef.current?.contains(target) || listRef.current?.contains(target)) return;
      setOpen(false);
    };
    document.addEventListener('mousedown', onPointerDown, true);
    return () => document.removeEventListener('mousedown', onPointerDown, true);
  }, [open, anchorRef]);

  // Keep the active option within the list when the list changes (e.g. search results).
  useEffect(() => {
    if (activeIndex >= items.length) setActiveIndex(items.length - 1);
  }, [items.length, activeIndex]);

  /** Returns true when the key was handled. */
  /** `textInput`: the combobox is an input, so Space, Home and End edit the text. */
  const onKeyDown = (event: KeyboardEvent, { openKeys = ['ArrowDown', 'ArrowUp', 'Enter', ' '], textInput = false } = {}): boolean => {
    if (textInput && [' ', 'Home', 'End'].includes(event.key)) return false;
    if (!open) {
      if (openKeys.includes(event.key)) {
        event.preventDefault();
        openList();
        return true;
      }
      return false;
    }
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActiveIndex((index) => Math.min(items.length - 1, index + 1));
        return true;
      case 'ArrowUp':
        event.preventDefault();
        setActiveIndex((index) => Math.max(0, index - 1));
        return true;
      case 'Home':
        event.preventDefault();
        setActiveIndex(0);
        return true;
      case 'End':
        event.preventDefault();
        setActiveIndex(items.length - 1);
        return true;
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (activeIndex >= 0) options.onPick(activeIndex);
        return true;
      case 'Escape':
        // preventDefault tells an enclosing dialog that this Escape only closed the list.
        event.preventDefault();
        event.stopPropagation();
        close();
        return true;
      case 'Tab':
        close();
        return false;
      default:
        return false;
    }
  };

  return { open, openList, close, activeIndex, setActiveIndex, listRef, onKeyDown };
}
