/** One figure of the summary panel: a button with the number and its label; pressed when its people are listed. */
import { t } from '@/utils/i18n';

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
    // The label comes first in the DOM, so the visible text ("Admin 2") reads as the name ("Admin: 2")
    // does (WCAG 2.5.3, label in name); CSS shows the number first.
    <button type="button" class={classes} aria-pressed={pressed} aria-label={t('sumCountLabel', { label, count })} onClick={onChoose}>
      <span class="al-sum__count-label">{label}</span> <span class="al-sum__count-number">{count}</span>
    </button>
  );
}
