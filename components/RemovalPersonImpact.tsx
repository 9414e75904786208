/**
 * One person in the removal warning: who, what content they own, what access disappears.
 * Names and emails are page data: rendered as text only, isolated, hidden characters marked.
 */
import { t } from '@/utils/i18n';
import { PageText } from './PageText';

export interface RemovalPersonImpactProps {
  name: string;
  email: string | null;
  /** e.g. "48 charts, 12 dashboards, 9 cohorts, 4 notebooks"; null when unknown. */
  content: string | null;
  /** Null when not counted (then `content` is null too). */
  ownsContent: boolean | null;
  /** Their effective access, e.g. "Manager in 2 of 8 projects"; null when unknown. */
  access: string | null;
}

export function RemovalPersonImpact(props: RemovalPersonImpactProps) {
  return (
    <li class="alrg-person">
      <div class="alrg-person__name">
        <PageText text={props.name} />
        {props.email && props.email !== props.name ? (
          <span class="alrg-person__email">
            {' '}
            <PageText text={props.email} />
          </span>
        ) : null}
      </div>
      <div class="alrg-person__line">
        {props.content === null ? t('personContentUnknown') : props.ownsContent ? t('personOwns', { content: props.content }) : t('personOwnsNothing')}
      </div>
      <div class="alrg-person__line">{t('personAccessGone', { access: props.access ?? t('unknown') })}</div>
    </li>
  );
}
