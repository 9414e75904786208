/**
 * The settings area: a top bar, the Organization settings left nav [shot], and the current page.
 * Only Members & Groups is built out; the other pages are placeholders with their own heading, so
 * moving into and out of Members & Groups without a reload can be tested.
 */
import { ui } from '../markup';
import { MEMBERS_PAGE_SLUG, SETTINGS_PAGES, settingsPath } from '../routing';
import { useOrg } from '../org-context';
import { MembersPage } from './MembersPage';
import { NavLink } from './NavLink';
import { PlaceholderPage } from './PlaceholderPage';
import s from '../styles.module.css';

/** `base`: the address up to the org, in the form the page was opened with (routing.ts). */
export function SettingsShell(props: { base: string; page: string; search: URLSearchParams }) {
  const { settings } = useOrg();
  const current = SETTINGS_PAGES.find((page) => page.slug === props.page);

  return (
    <div className={s.shell}>
      <header className={s.topBar}>
        <span className={s.logo} aria-hidden="true">
          A
        </span>
        <span className={s.orgName}>{settings.org.name}</span>
        <span className={s.topBarSpacer} />
        <span className={s.viewerName} title={settings.viewer.email}>
          {settings.viewer.name}
        </span>
      </header>
      <div className={s.body}>
        <nav aria-label={ui('Organization settings')} className={s.sideNav}>
          <h2 className={s.sideNavTitle}>{ui('Organization settings')}</h2>
          <ul>
            {SETTINGS_PAGES.map((page) => (
              <li key={page.slug}>
                <NavLink href={settingsPath(props.base, page.slug)} current={page.slug === props.page} className={page.slug === props.page ? s.navItemCurrent : s.navItem}>
                  {ui(page.title)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main className={s.content}>
          {props.page === MEMBERS_PAGE_SLUG ? (
            <MembersPage search={props.search} />
          ) : (
            <PlaceholderPage title={ui(current?.title ?? 'Page not found')} />
          )}
        </main>
      </div>
    </div>
  );
}
