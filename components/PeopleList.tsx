/** The people behind a chosen figure: name and email, as text (isolated, hidden characters marked). */
import type { PersonRef } from '@/utils/access/org-summary';
import { t } from '@/utils/i18n';
import { PageText } from './PageText';

export interface PeopleListProps {
  title: string;
  people: readonly PersonRef[];
}

/** Long lists scroll; the first 500 are listed, the rest counted. */
const SHOWN = 500;

export function PeopleList({ title, people }: PeopleListProps) {
  return (
    <section class="al-sum__people" aria-label={t('peopleListLabel', { title })}>
      <h3 class="al-sum__people-title">
        {t('peopleListTitle', { title, count: people.length })}
      </h3>
      {people.length === 0 ? (
        <p class="al-sum__muted">{t('peopleNobody')}</p>
      ) : (
        <ul class="al-sum__people-list">
          {people.slice(0, SHOWN).map((person) => (
            <li key={person.id} class="al-sum__person">
              <PageText class="al-sum__person-name" text={person.name.trim() || person.email} />
              {person.name.trim() && person.name.trim() !== person.email ? <PageText class="al-sum__person-email" text={person.email} /> : null}
            </li>
          ))}
          {people.length > SHOWN ? <li class="al-sum__muted">{t('peopleMore', { count: people.length - SHOWN })}</li> : null}
        </ul>
      )}
    </section>
  );
}
