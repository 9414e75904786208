/**
 * Loads what the whole settings area needs, in order: OrgSettings first (sent without `x-org`:
 * it is how the page learns the org id [guess]), then projects, teams and team spaces with the id.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ApiClient } from '../api/client';
import { useLoader } from '../hooks/useLoader';
import { ui } from '../markup';
import { OrgContext, type OrgContextValue } from '../org-context';
import { ErrorPanel } from './ui/ErrorPanel';
import { SettingsShell } from './SettingsShell';
import s from '../styles.module.css';

async function loadOrg(client: ApiClient) {
  const settings = await client.request('OrgSettings', {});
  client.setOrgId(settings.org.id);
  const [{ projects }, { teams, teamSpaces }] = await Promise.all([client.request('Projects', {}), client.request('TeamsAndSpaces', {})]);
  return { settings, projects, teams, teamSpaces };
}

export function OrgLoader(props: { client: ApiClient; base: string; page: string; search: URLSearchParams }) {
  const { client } = props;
  const org = useLoader(() => loadOrg(client), [client]);
  const [dataVersion, setDataVersion] = useState(0);
  const dataChanged = useCallback(() => setDataVersion((n) => n + 1), []);

  const value = useMemo<OrgContextValue | null>(
    () => (org.data ? { client, ...org.data, dataVersion, dataChanged } : null),
    [client, org.data, dataVersion, dataChanged],
  );

  if (!value) {
    return (
      <main className={s.centered}>
        {org.error ? (
          <ErrorPanel title={ui('Settings could not be loaded')} error={org.error} onRetry={org.reload} />
        ) : (
          <p role="status" className={s.loading}>
            Loading settings…
          </p>
        )}
      </main>
    );
  }
  return (
    <OrgContext.Provider value={value}>
      <SettingsShell base={props.base} page={props.page} search={props.search} />
    </OrgContext.Provider>
  );
}
