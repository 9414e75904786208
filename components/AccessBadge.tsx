/**
 * A small button in a user row: the person's effective access in a few words, and a marker when
 * findings apply. Hover or focus opens the breakdown (the caller owns that card). Page data (names,
 * emails) arrives as plain strings and is rendered as text only.
 */
export interface AccessBadgeProps {
  text: string;
  /** Accessible name, e.g. "Access for Priya Natarajan: Manager in 5 of 8 projects, 1 finding". */
  label: string;
  tone: 'neutral' | 'none' | 'access' | 'admin';
  findings: number;
  warning: boolean;
  /** Whether the badge opens a breakdown card. */
  hasBreakdown: boolean;
  expanded: boolean;
  onOpen?: (how: 'hover' | 'focus' | 'keyboard') => void;
  onLeave?: (how: 'hover' | 'focus') => void;
  onClose?: () => void;
}

export function AccessBadge(props: AccessBadgeProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!props.hasBreakdown) return;
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'ArrowDown') {
      event.preventDefault();
      props.onOpen?.('keyboard');
    } else if (event.key === 'Escape' && props.expanded) {
      event.preventDefault();
      props.onClose?.();
    }
  };
  return (
    <button
      type="button"
      class={`al-badge al-badge--${props.tone}`}
      aria-label={props.label}
      title={props.text}
      aria-haspopup={props.hasBreakdown ? 'dialog' : undefined}
      aria-expanded={props.hasBreakdown ? props.expanded : undefined}
      aria-disabled={props.hasBreakdown ? undefined : 'true'}
      onMouseEnter={() => props.hasBreakdown && props.onOpen?.('hover')}
      onMouseLeave={() => props.onLeave?.('hover')}
      onFocus={() => props.hasBreakdown && props.onOpen?.('focus')}
      onBlur={() => props.onLeave?.('focus')}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        event.preventDefault();
        if (props.hasBreakdown) props.onOpen?.('keyboard');
      }}
    >
      <span class="al-badge__text">{props.text}</span>
      {props.findings > 0 ? (
        <span class={props.warning ? 'al-badge__mark al-badge__mark--warning' : 'al-badge__mark'} aria-hidden="true">
          {/* The info glyph is drawn by CSS: as text, "ℹ" reads as the letter "i" (NFKD) and the visible
              text would no longer be part of the accessible name (WCAG 2.5.3, label in name). */}
          {props.warning ? '⚠' : ''} {props.findings}
        </span>
      ) : null}
    </button>
  );
}
