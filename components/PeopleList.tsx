/** The people behind a chosen figure: name and email, as text. */
import type { PersonRef } from '@/utils/access/org-summary';
import { t } from '@/utils/i18n';

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
              <span class="al-sum__person-name">{person.name.trim() || person.email}</span>
              {person.name.trim() && person.name.trim() !== person.email ? <span class="al-sum__person-email">{person.email}</span> : null}
            </li>
          ))}
          {people.length > SHOWN ? <li class="al-sum__muted">{t('peopleMore', { count: people.length - SHOWN })}</li> : null}
        </ul>
      )}
    </section>
  );
}
