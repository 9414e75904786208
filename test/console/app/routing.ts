/**
 * Client-side routing, as in the real single-page console: links change the URL with
 * history.pushState and the back button works through popstate; the document never reloads.
 *
 * Paths: /analytics/<orgUrl>/settings/<page> [doc: /analytics/<orgUrl>/... and
 * /analytics/<orgUrl>/settings/projects]. Members & Groups at /settings/members [guess].
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

export interface Route {
  orgUrl: string | null;
  /** The settings page slug, or null when the path is not a settings page. */
  page: string | null;
  search: URLSearchParams;
}

export function parseLocation(location: { pathname: string; search: string }): Route {
  const search = new URLSearchParams(location.search);
  const match = /^\/analytics\/([^/]+)(\/settings(?:\/([^/]+))?)?\/?$/.exec(location.pathname);
  if (!match?.[1]) return { orgUrl: null, page: null, search };
  // /analytics/<orgUrl> and /analytics/<orgUrl>/settings open General, as a settings landing would [guess].
  return { orgUrl: decodeURIComponent(match[1]), page: match[3] ?? 'general', search };
}

export const settingsPath = (orgUrl: string, slug: string): string => `/analytics/${encodeURIComponent(orgUrl)}/settings/${slug}`;

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
