/** One figure of the summary panel: a button with the number and its label; pressed when its people are listed. */
export interface SummaryCountProps {
  label: string;
  count: number;
  pressed: boolean;
  /** Warnings get the warning colour (e.g. escalations, stale invites). */
  tone?: 'neutral' | 'warning';
  onChoose(): void;
}

export function SummaryCount({ label, count, pressed, tone = 'neutral', onChoose }: SummaryCountProps) {
  const classes = ['al-sum__count', tone === 'warning' && count > 0 ? 'al-sum__count--warning' : '', pressed ? 'al-sum__count--pressed' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <button type="button" class={classes} aria-pressed={pressed} aria-label={`${label}: ${count}`} onClick={onChoose}>
      <span class="al-sum__count-number">{count}</span>
      <span class="al-sum__count-label">{label}</span>
    </button>
  );
}
