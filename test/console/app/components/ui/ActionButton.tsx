/**
 * An action of the console (Invite New Users, Remove, Cancel, Next, a row's "⋯", ...): a native
 * `<button>`, or with the `actions: div` markup flag a `div role="button" tabindex=0` that still
 * works from the keyboard (Enter on key down, Space on key up, as a native button) and says
 * `aria-disabled` instead of `disabled`. Controls with another role (tab, combobox, switch,
 * menuitem) stay native buttons.
 */
import type { KeyboardEvent, MouseEvent, ReactNode, Ref } from 'react';
import { markup } from '../../markup';
import s from '../../styles.module.css';

export interface ActionButtonProps {
  ref?: Ref<HTMLButtonElement & HTMLDivElement>;
  className?: string;
  disabled?: boolean;
  title?: string;
  onClick?: () => void;
  children?: ReactNode;
  'aria-label'?: string;
  'aria-haspopup'?: 'menu';
  'aria-expanded'?: boolean;
  'aria-controls'?: string;
  'aria-pressed'?: boolean;
}

export function ActionButton({ ref, className, disabled, onClick, children, ...aria }: ActionButtonProps) {
  if (markup.actions === 'button') {
    return (
      <button ref={ref} type="button" className={className} disabled={disabled} onClick={onClick} {...aria}>
        {children}
      </button>
    );
  }
  const activate = () => {
    if (!disabled) onClick?.();
  };
  return (
    <div
      ref={ref}
      role="button"
      tabIndex={0}
      aria-disabled={disabled ? true : undefined}
      className={[className ?? '', s.divButton].join(' ')}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        activate();
      }}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          activate();
        } else if (event.key === ' ') {
          event.preventDefault(); // no page scroll; a native button acts on key up
        }
      }}
      onKeyUp={(event: KeyboardEvent) => {
        if (event.key === ' ') {
          event.preventDefault();
          activate();
        }
      }}
      {...aria}
    >
      {children}
    </div>
  );
}
