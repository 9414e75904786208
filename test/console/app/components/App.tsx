/**
 * The whole page: reads the org (its url or its id) from the address, and shows the settings shell once the org has
 * loaded. An expired session (any HTTP 401) replaces everything with the sign-in notice.
 */
import { useEffect, useMemo, useState } from 'react';
import { ApiClient } from '../api/client';
import { ui } from '../markup';
import { useRoute } from '../routing';
import { OrgLoader } from './OrgLoader';
import { SessionExpiredView } from './SessionExpiredView';
import { ToastProvider } from './ui/Toasts';
import s from '../styles.module.css';

export function App() {
  const route = useRoute();
  const { org } = route;
  // One client per org, however the address names it.
  const orgKey = org === null ? null : org.kind === 'id' ? `id:${org.orgId}` : `url:${org.orgUrl}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- orgKey stands for org
  const client = useMemo(() => (org ? new ApiClient(org) : null), [orgKey]);
  const [sessionExpired, setSessionExpired] = useState(false);

  useEffect(() => client?.onSessionExpired(() => setSessionExpired(true)), [client]);

  if (sessionExpired) return <SessionExpiredView />;
  if (!client || route.page === null) {
    return (
      <main className={s.centered}>
        <h1>{ui('Page not found')}</h1>
        <p>Open an organization's settings, e.g. /analytics/&lt;org-url&gt;/settings/members.</p>
      </main>
    );
  }
  return (
    <ToastProvider>
      <OrgLoader client={client} base={route.base} page={route.page} search={route.search} />
    </ToastProvider>
  );
}
