/**
 * The breakdown behind an access badge: per project the effective role, every source with the
 * deciding one(s) marked, whether it can be lowered here; the findings with what to do; what the
 * role may do; and how fresh the picture is. A non-modal dialog with fixed coordinates the caller
 * computes (`place`), so it never covers the row it describes. Page data is rendered as text only.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, tCount } from '@/utils/i18n';
import { isolatedText } from '@/utils/text/visible-text';
import { PageText, slot, withPageText } from './PageText';
import { ProjectPermissions, type ProjectPermissionsView } from './ProjectPermissions';

export interface BreakdownSource {
  label: string;
  decides: boolean;
}

export interface BreakdownProject {
  id: string;
  name: string;
  role: string;
  hasAccess: boolean;
  sources: readonly BreakdownSource[];
  lowering: string | null;
  canLower: boolean;
  /** Projects where a custom role (RBAC) is held: the union of permissions (ProjectPermissions.tsx). */
  permissions?: ProjectPermissionsView;
}

export interface BreakdownFinding {
  key: string;
  warning: boolean;
  explanation: string;
  fix: string;
}

export interface BreakdownCardProps {
  titleId: string;
  name: string;
  email: string;
  pending: boolean;
  summary: string;
  projects: readonly BreakdownProject[];
  findings: readonly BreakdownFinding[];
  capabilities: readonly string[];
  /** Said instead of the projects when the person's project access could not be read here. */
  unreadable?: string | null;
  /** e.g. "as of 10:42" */
  asOf: string;
  /** Shown when the picture may not be current (a refresh failed or is under way). */
  note: string | null;
  /** Moves focus into the card when it opens (opened by keyboard or click). */
  focusOnOpen: boolean;
  /** Where to put the card, given its size; called on open, scroll and resize. */
  place: (size: { width: number; height: number }) => { top: number; left: number; maxHeight: number } | null;
  onClose: (returnFocus: boolean) => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** Focus moved from inside the card to outside it. */
  onFocusLeave: () => void;
  /** "Change email…" (issue 18): shown for joined people when the feature runs on this page. */
  onChangeEmail?: () => void;
}

/** Above this many projects the list gets a filter box. */
export const FILTER_THRESHOLD = 10;

export function BreakdownCard(props: BreakdownCardProps) {
  const card = useRef<HTMLDivElement>(null);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle ? props.projects.filter((project) => project.name.toLowerCase().includes(needle)) : props.projects;

  useLayoutEffect(() => {
    const element = card.current;
    if (!element) return;
    let frame = 0;
    const place = () => {
      frame = 0;
      const spot = props.place({ width: element.offsetWidth, height: element.scrollHeight });
      if (!spot) return props.onClose(false);
      element.style.top = `${Math.round(spot.top)}px`;
      element.style.left = `${Math.round(spot.left)}px`;
      element.style.maxHeight = `${Math.floor(spot.maxHeight)}px`;
      element.style.visibility = 'visible';
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(place);
    };
    place();
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule, { passive: true });
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
    };
  });

  useLayoutEffect(() => {
    if (props.focusOnOpen) card.current?.focus();
  }, [props.focusOnOpen, props.titleId]);

  return (
    <div
      ref={card}
      class="al-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={props.titleId}
      tabIndex={-1}
      style={{ visibility: 'hidden' }}
      onMouseEnter={props.onPointerEnter}
      onMouseLeave={props.onPointerLeave}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        props.onClose(true);
      }}
      onFocusOut={(event) => {
        const next = event.relatedTarget as Node | null;
        if (!next || !card.current?.contains(next)) props.onFocusLeave();
      }}
    >
      <div class="al-card__head">
        <h2 class="al-card__title" id={props.titleId}>
          {/* The name is isolated, its hidden characters marked, inside the translated sentence. */}
          {withPageText(t('cardTitle', { name: slot(0) }), [props.name])}
        </h2>
        <button type="button" class="al-card__close" aria-label={t('cardClose')} onClick={() => props.onClose(true)}>
          ×
        </button>
      </div>
      {props.email !== props.name ? (
        <p class="al-card__email">
          <PageText text={props.email} />
          {props.pending ? t('cardInvitePendingSuffix') : ''}
        </p>
      ) : props.pending ? (
        <p class="al-card__email">{t('cardInvitePending')}</p>
      ) : null}
      <p class="al-card__summary">{props.summary}</p>

      {props.findings.length > 0 ? (
        <section class="al-card__section" aria-label={t('cardFindingsLabel')}>
          <h3 class="al-card__h3">{tCount('cardFindings', props.findings.length)}</h3>
          <ul class="al-card__findings">
            {props.findings.map((finding) => (
              <li key={finding.key} class={finding.warning ? 'al-finding al-finding--warning' : 'al-finding'}>
                <p class="al-finding__text">
                  <span class="al-finding__icon" aria-hidden="true">
                    {finding.warning ? '⚠ ' : 'ℹ '}
                  </span>
                  {finding.warning ? <span class="al-sr">{t('cardWarning')}</span> : null}
                  {finding.explanation}
                </p>
                <p class="al-finding__fix">{t('cardWhatToDo', { fix: finding.fix })}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section class="al-card__section" aria-label={t('cardPerProjectLabel')}>
        <h3 class="al-card__h3">{t('cardPerProject')}</h3>
        {props.unreadable ? <p class="al-proj__lower al-proj__lower--blocked">{props.unreadable}</p> : null}
        {props.unreadable ? null : props.projects.length > FILTER_THRESHOLD ? (
          <div class="al-card__filter">
            <input
              type="search"
              class="al-card__filter-input"
              aria-label={t('cardFilterProjects')}
              placeholder={t('cardFilterProjects')}
              value={filter}
              onInput={(event) => setFilter(event.currentTarget.value)}
            />
            <span class="al-card__count" role="status">
              {shown.length === props.projects.length
                ? tCount('cardProjects', props.projects.length)
                : t('cardShowingProjects', { shown: shown.length, total: props.projects.length })}
            </span>
          </div>
        ) : null}
        {/* Scrolls past 360px: focusable, so keyboard users can scroll it too (axe scrollable-region-focusable). */}
        {props.unreadable ? null : <ul class="al-card__projects" aria-label={t('cardPerProjectLabel')} tabIndex={0}>
          {shown.map((project) => (
            <li key={project.id} class={project.hasAccess ? 'al-proj' : 'al-proj al-proj--none'}>
              <div class="al-proj__head">
                <span class="al-proj__name">
                  <PageText text={project.name} />
                </span>
                <span class="al-proj__role">{project.role}</span>
              </div>
              {project.sources.length > 0 ? (
                <ul class="al-proj__sources" aria-label={t('cardSourcesOn', { project: isolatedText(project.name) })}>
                  {project.sources.map((source, index) => (
                    <li key={index} class={source.decides ? 'al-src al-src--decides' : 'al-src'}>
                      <bdi>{source.label}</bdi>
                      {source.decides ? <span class="al-src__tag">{t('cardDecides')}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="al-proj__lower">{t('cardNoSource')}</p>
              )}
              {project.lowering ? <p class={project.canLower ? 'al-proj__lower' : 'al-proj__lower al-proj__lower--blocked'}>{project.lowering}</p> : null}
              {project.permissions ? <ProjectPermissions project={project.name} view={project.permissions} /> : null}
            </li>
          ))}
          {shown.length === 0 ? <li class="al-proj al-proj--none">{t('cardNoMatch', { filter: filter.trim() })}</li> : null}
        </ul>}
      </section>

      {props.capabilities.length > 0 ? (
        <section class="al-card__section" aria-label={t('cardCapsLabel')}>
          <h3 class="al-card__h3">{t('cardCapsLabel')}</h3>
          <ul class="al-card__caps">
            {props.capabilities.map((capability) => (
              <li key={capability}>{capability}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {props.onChangeEmail ? (
        <p class="al-card__actions">
          <button type="button" class="al-card__action" onClick={props.onChangeEmail}>
            {t('ecCardAction')}
          </button>
        </p>
      ) : null}

      <p class="al-card__foot">
        {props.note ? t('cardFootNote', { asof: props.asOf, note: props.note }) : t('cardFoot', { asof: props.asOf })}
      </p>
    </div>
  );
}
