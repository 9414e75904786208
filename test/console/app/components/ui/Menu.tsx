/**
 * A "⋯" actions menu: a button (aria-haspopup=menu) opening role=menu with role=menuitem entries in
 * a portal. Focus moves into the menu; ArrowUp/Down move, Enter picks, Escape closes.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ActionButton } from './ActionButton';
import { Portal } from './Portal';
import s from '../../styles.module.css';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

export function Menu(props: { label: string; items: readonly MenuItem[] }) {
  const menuId = useId();
  const buttonRef = useRef<(HTMLButtonElement & HTMLDivElement) | null>(null);
  const menuRef = useRef<HTMLDivElement | null>(null);
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    if (!open || !buttonRef.current) return;
    const rect = buttonRef.current.getBoundingClientRect();
    // Like most console menus: below the button, or above it when it would run off the window.
    const height = menuRef.current?.offsetHeight ?? 0;
    const below = rect.bottom + 4;
    const above = rect.top - 4 - height;
    const top = below + height > window.innerHeight - 4 && above >= 4 ? above : below;
    setPosition({ top, left: Math.max(4, rect.right - 180) });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!buttonRef.current?.contains(target) && !menuRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointerDown, true);
    return () => document.removeEventListener('mousedown', onPointerDown, true);
  }, [open, position]);

  function close(focusButton: boolean) {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  }

  return (
    <>
      <ActionButton
        ref={buttonRef}
        aria-label={props.label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        className={s.iconButton}
        onClick={() => setOpen((value) => !value)}
      >
        ⋯
      </ActionButton>
      {open ? (
        <Portal>
          <div
            ref={menuRef}
            id={menuId}
            role="menu"
            aria-label={props.label}
            className={s.menu}
            style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
            onKeyDown={onMenuKeyDown}
          >
            {props.items.map((item) => (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.danger ? s.menuItemDanger : s.menuItem}
                onClick={() => {
                  close(false);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            ))}
          </div>
        </Portal>
      ) : null}
    </>
  );
}
