/**
 * One project's permissions on the breakdown card, where a custom role (RBAC) is held: collapsed
 * to a line, open it for every permission by product area with the roles and sources that grant
 * it. When a custom role's permissions could not be read, it says so and lists none.
 */
import { t } from '@/utils/i18n';
import { isolatedText } from '@/utils/text/visible-text';

export interface ProjectPermissionsView {
  count: number;
  areas: readonly { label: string; items: readonly { title: string; sources: string }[] }[];
  unreadable: string | null;
}

export function ProjectPermissions({ project, view }: { project: string; view: ProjectPermissionsView }) {
  if (view.unreadable) return <p class="al-proj__lower al-proj__lower--blocked">{view.unreadable}</p>;
  return (
    <details class="al-perms">
      <summary>{t('cardPermissionsSummary', { count: view.count })}</summary>
      <div role="group" aria-label={t('cardPermissionsLabel', { project: isolatedText(project) })}>
        {view.areas.map((area) => (
          <div key={area.label} class="al-perms__area">
            <h4 class="al-perms__h4">{area.label}</h4>
            <ul class="al-perms__list">
              {area.items.map((item) => (
                <li key={item.title}>
                  {item.title} <bdi class="al-perms__src">{item.sources}</bdi>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </details>
  );
}
