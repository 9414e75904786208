/**
 * What every part of the page knows once the org has loaded: the API client, the org settings and
 * the signed-in person, projects, teams and team spaces; and a data version that mutations bump so
 * every list on screen reloads.
 */
import { createContext, useContext } from 'react';
import type { ApiClient } from './api/client';
import type { OrgSettings, Project, Team, TeamSpace } from './model/types';

export interface OrgContextValue {
  client: ApiClient;
  settings: OrgSettings;
  projects: Project[];
  teams: Team[];
  teamSpaces: TeamSpace[];
  /** Grows after every accepted mutation; loaders depend on it. */
  dataVersion: number;
  dataChanged: () => void;
}

export const OrgContext = createContext<OrgContextValue | null>(null);

export function useOrg(): OrgContextValue {
  const org = useContext(OrgContext);
  if (!org) throw new Error('useOrg outside OrgContext');
  return org;
}

/** Project-level permissions on: roles per project, org column reads User/Admin [doc]. */
export const isProjectLevel = (org: OrgContextValue): boolean => org.settings.org.projectLevelPermissions;
