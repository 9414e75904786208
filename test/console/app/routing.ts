/**
 * Client-side routing, as in the real single-page console: links change the URL with
 * history.pushState and the back button works through popstate; the document never reloads.
 *
 * Paths, in three forms, each kept by every in-app link once the page was opened with it:
 * - /analytics/<orgUrl>/settings/<page> [doc: /analytics/<orgUrl>/... and /analytics/<orgUrl>/settings/projects];
 * - /analytics/org/<orgId>/settings/<page> [doc: the numeric org id form];
 * - /<orgUrl>/settings/<page>, the legacy host's form (analytics.amplitude.com) [doc]; the double
 *   serves every host the same way, so this form works on any host.
 * Members & Groups at /settings/members [guess].
 * The Users/Groups tab is ?tab=groups [guess]; the Joined/Pending view is ?view=pending [guess].
 */
import { useEffect, useState } from 'react';

/** Organization settings pages [shot: left nav]; slugs other than `projects` are [guess]. */
export const SETTINGS_PAGES = [
  { slug: 'general', title: 'General' },
  { slug: 'projects', title: 'Projects' },
  { slug: 'members', title: 'Members & Groups' },
  { slug: 'access-sso', title: 'Access & SSO Settings' },
  { slug: 'content-access', title: 'Content Access' },
  { slug: 'usage-reports', title: 'Usage Reports' },
  { slug: 'user-privacy-notifications', title: 'User Privacy Notifications' },
  { slug: 'labs', title: 'Labs' },
  { slug: 'ttl', title: 'Time to Live (TTL)' },
  { slug: 'integration-portal', title: 'Integration Portal' },
] as const;

export const MEMBERS_PAGE_SLUG = 'members';

/** Which org the address names: by its url (`demo-org`) or by its numeric id. */
export type OrgRef = { kind: 'url'; orgUrl: string } | { kind: 'id'; orgId: number };

export interface Route {
  org: OrgRef | null;
  /** The address up to the org (`/analytics/demo-org`, `/analytics/org/412345`, `/demo-org`), kept by links. */
  base: string;
  /** The settings page slug, or null when the path is not a settings page. */
  page: string | null;
  search: URLSearchParams;
}

const decode = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

export function parseLocation(location: { pathname: string; search: string }): Route {
  const search = new URLSearchParams(location.search);
  const none: Route = { org: null, base: '', page: null, search };
  // /analytics/org/<orgId>[/settings[/<page>]]: checked first, "org" is not an org url here.
  const byId = /^(\/analytics\/org\/(\d+))(\/settings(?:\/([^/]+))?)?\/?$/.exec(location.pathname);
  if (byId?.[1] && byId[2]) return { org: { kind: 'id', orgId: Number(byId[2]) }, base: byId[1], page: byId[4] ?? 'general', search };
  // /analytics/<orgUrl> and /analytics/<orgUrl>/settings open General, as a settings landing would [guess].
  const byUrl = /^(\/analytics\/([^/]+))(\/settings(?:\/([^/]+))?)?\/?$/.exec(location.pathname);
  const orgUrl = byUrl?.[2] ? decode(byUrl[2]) : null;
  if (byUrl?.[1] && orgUrl) return { org: { kind: 'url', orgUrl }, base: byUrl[1], page: byUrl[4] ?? 'general', search };
  // Legacy /<orgUrl>/settings[/<page>]: only with /settings, so any other one-segment path stays "not found".
  const legacy = /^(\/([^/]+))\/settings(?:\/([^/]+))?\/?$/.exec(location.pathname);
  const legacyUrl = legacy?.[2] && legacy[2] !== 'analytics' ? decode(legacy[2]) : null;
  if (legacy?.[1] && legacyUrl) return { org: { kind: 'url', orgUrl: legacyUrl }, base: legacy[1], page: legacy[3] ?? 'general', search };
  return none;
}

/** A settings page in the address form the page was opened with (`base` from the route). */
export const settingsPath = (base: string, slug: string): string => `${base}/settings/${slug}`;

const ROUTE_CHANGE = 'console-double:route-change';

/** Goes to a URL of this app without reloading; `replace` for changes that should not add history. */
export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(ROUTE_CHANGE));
}

/** Sets or removes one query parameter of the current URL. */
export function withSearchParam(name: string, value: string | null): string {
  const search = new URLSearchParams(window.location.search);
  if (value === null) search.delete(name);
  else search.set(name, value);
  const query = search.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}

/** The current route, re-rendering on pushState (ours) and popstate (back/forward). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseLocation(window.location));
  useEffect(() => {
    const update = () => setRoute(parseLocation(window.location));
    window.addEventListener('popstate', update);
    window.addEventListener(ROUTE_CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(ROUTE_CHANGE, update);
    };
  }, []);
  return route;
}
