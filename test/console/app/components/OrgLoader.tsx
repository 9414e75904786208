/**
 * Loads what the whole settings area needs, in order: OrgData first ([code]; sent without `x-org`:
 * it is how the page learns the org id [guess]), then, with the id, the page's own [guess] reads
 * (OrgSettings, Projects, TeamsAndSpaces: the fields the page is built on), the team spaces from
 * TeamSpaces [code], and Users and RbacBatchCheckPermissions [code] as the real console asks them.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ApiClient } from '../api/client';
import { useLoader } from '../hooks/useLoader';
import { ui } from '../markup';
import { OrgContext, type OrgContextValue } from '../org-context';
import { ErrorPanel } from './ui/ErrorPanel';
import { SettingsShell } from './SettingsShell';
import s from '../styles.module.css';

/** RbacBatchCheckPermissions actions (RBAC_ACTIONS in shared/operations.ts, copied: the page's bundle has no zod). */
const RBAC_INVITE = 'INVITE_NEW_USERS';
const RBAC_REMOVE = 'REMOVE_USERS';

async function loadOrg(client: ApiClient) {
  const orgData = await client.request('OrgData', { product: 'analytics' });
  client.setOrgId(orgData.org.orgId);
  const [settings, { projects }, { teams }, spaces] = await Promise.all([
    client.request('OrgSettings', {}),
    client.request('Projects', {}),
    client.request('TeamsAndSpaces', {}),
    client.request('TeamSpaces', { fetchItemCountInSpaces: false }),
    // Asked on load as the real console is seen asking (so the page's resource timing lists them,
    // issue 13); the page's lists and rules rest on its [guess] reads, and the server decides anyway.
    client.request('Users', {}),
    client.request('RbacBatchCheckPermissions', { input: { actions: [RBAC_INVITE, RBAC_REMOVE] } }),
  ]);
  return { settings, projects, teams, teamSpaces: spaces.teamSpaces.map((space) => ({ id: space.id, name: space.name })) };
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
