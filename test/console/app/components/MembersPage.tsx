/**
 * Members & Groups [doc, shot]: heading "Team Members & Groups", its subtitle, tabs Users and
 * Groups. The tab is in the URL as ?tab=groups [guess], so it survives a reload and Back works.
 */
import { ui } from '../markup';
import { navigate } from '../routing';
import { GroupsTab } from './groups/GroupsTab';
import { Tabs, tabPanelProps } from './ui/Tabs';
import { UsersTab } from './users/UsersTab';
import s from '../styles.module.css';

type TabKey = 'users' | 'groups';
const TABS = [
  { key: 'users', label: ui('Users') },
  { key: 'groups', label: ui('Groups') },
] as const;
const ID_PREFIX = 'members-page';

export function MembersPage(props: { search: URLSearchParams }) {
  const tab: TabKey = props.search.get('tab') === 'groups' ? 'groups' : 'users';

  function selectTab(key: TabKey) {
    // The Joined/Pending view belongs to the Users tab; it does not follow into Groups and back.
    const search = new URLSearchParams(window.location.search);
    search.delete('view');
    if (key === 'groups') search.set('tab', 'groups');
    else search.delete('tab');
    navigate(`${window.location.pathname}${search.size ? `?${search}` : ''}`);
  }

  return (
    <section className={s.page}>
      <h1 className={s.pageTitle}>{ui('Team Members & Groups')}</h1>
      <p className={s.subtitle}>Manage the users in your account and assign permissions in bulk with Groups.</p>
      <Tabs idPrefix={ID_PREFIX} label={ui('Team Members & Groups')} tabs={TABS} selected={tab} onSelect={selectTab} />
      <div {...tabPanelProps(ID_PREFIX, tab)} className={s.tabPanel}>
        {tab === 'users' ? <UsersTab search={props.search} /> : <GroupsTab />}
      </div>
    </section>
  );
}
