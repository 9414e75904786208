/**
 * Recognising the console's Members & Groups page. Everything here is Amplitude knowledge.
 *
 * Evidence (console-reference.md, sections 1-2):
 * - the app (US `app.amplitude.com`, EU `app.eu.amplitude.com`) addresses an org as
 *   `/analytics/<orgUrl>/...` or `/analytics/org/<numericOrgId>/...` [doc]
 * - the legacy host `analytics.amplitude.com` addresses it as `/<orgUrl>/...` [doc]; that it may
 *   also serve the app's `/analytics/...` paths is our assumption [guess] (harmless: the heading
 *   is required too)
 * - settings pages live under `.../settings/...` [doc]
 * - the page's heading reads "Team Members & Groups" [shot]; compared by meaning (names.ts), so
 *   "Team members & groups" and "TEAM MEMBERS & GROUPS" are the same heading
 * - the exact Members & Groups path is not public; `/settings/members` is our assumption [guess],
 *   which is why detection also requires the heading and never relies on the path alone.
 */
import { HEADING_SELECTOR, sameName, textOf } from './names';

export const MEMBERS_HEADING_TEXT = 'Team Members & Groups';

/** Which documented address form the page was reached by. */
export type AddressForm = 'org-url' | 'org-id' | 'legacy';

export interface ConsoleLocation {
  form: AddressForm;
  /**
   * The org as the address names it: its URL slug, or `org/<id>` for the numeric form. This is the
   * per-org key (cache, jobs, file names) and must stay stable: it is what earlier versions stored.
   */
  orgUrl: string;
  /** The numeric org id, when the address carries it (form `org-id`). */
  orgId: number | null;
  /** What follows `/settings/`, e.g. `members` or `projects`; empty for the settings root. */
  settingsPath: string;
}

const LEGACY_HOST = 'analytics.amplitude.com';
/**
 * `/analytics/org/<id>/settings/...`, `/analytics/<orgUrl>/settings/...` [doc], and on the legacy
 * host `/<orgUrl>/settings/...` [doc]: groups 1 `analytics/`, 2 the org, 3 its id, 4 the rest.
 */
const SETTINGS_PATH = /^\/(analytics\/)?(org\/(\d+)|[^/]+)\/settings(?:\/(.*))?$/;
/** Path words that are never an org slug (`/analytics/org/settings`, legacy `/analytics/settings`). */
const NOT_AN_ORG = /^(org|analytics)$/i;
/** The key of the numeric form, `org/<id>`. */
const ORG_ID_KEY = /^org\/(\d+)$/;

/** Parses a console URL; `null` when it is not an org settings page in one of the documented forms. */
export function parseSettingsLocation(href: string): ConsoleLocation | null {
  try {
    const url = new URL(href);
    const match = SETTINGS_PATH.exec(url.pathname.replace(/\/+$/, ''));
    // The legacy form only on the legacy host: elsewhere `/<word>/settings` is no org address.
    // (Other hosts are never matched by the manifest; unit tests run on happy-dom's localhost.)
    if (!match || (!match[1] && (url.hostname !== LEGACY_HOST || match[3]))) return null;
    const orgUrl = decodeURIComponent(match[2] ?? '');
    const orgId = Number(match[3] ?? 0);
    if (match[3]) return orgId > 0 ? { form: 'org-id', orgUrl: `org/${orgId}`, orgId, settingsPath: match[4] ?? '' } : null;
    if (NOT_AN_ORG.test(orgUrl)) return null;
    return { form: match[1] ? 'org-url' : 'legacy', orgUrl, orgId: null, settingsPath: match[4] ?? '' };
  } catch {
    return null; // not a URL, or a malformed escape in the org
  }
}

/** Any console address, settings or not: groups 1 `analytics/`, 2 the org, 3 its numeric id. */
const CONSOLE_PATH = /^\/(analytics\/)?(org\/(\d+)|[^/]+)(?:\/|$)/;

/**
 * The org a console address is about, as `ConsoleLocation.orgUrl` names it (slug or `org/<id>`),
 * on any page of the org, not only its settings: the background's check that a content script asks
 * for its own page's org, which must hold also after the page moved on within the same org.
 * Null when the address names no org (sign-in, the legacy form off the legacy host).
 */
export function orgOfConsoleAddress(href: string): string | null {
  try {
    const url = new URL(href);
    const match = CONSOLE_PATH.exec(url.pathname);
    if (!match || (!match[1] && (url.hostname !== LEGACY_HOST || match[3]))) return null;
    if (match[3]) return Number(match[3]) > 0 ? `org/${Number(match[3])}` : null;
    const orgUrl = decodeURIComponent(match[2] ?? '');
    return NOT_AN_ORG.test(orgUrl) ? null : orgUrl;
  } catch {
    return null;
  }
}

/** The numeric org id in a per-org key (`org/<id>`, the numeric address form), else null. */
export function orgIdOfKey(orgUrl: string): number | null {
  const match = ORG_ID_KEY.exec(orgUrl);
  return match ? Number(match[1]) : null;
}

/**
 * The page heading "Team Members & Groups", found by role and its words (case, spacing and
 * punctuation aside), never by class. Accepts native headings and ARIA headings.
 */
export function findMembersHeading(root: ParentNode = document): HTMLElement | null {
  for (const candidate of root.querySelectorAll<HTMLElement>(HEADING_SELECTOR)) {
    if (sameName(textOf(candidate), MEMBERS_HEADING_TEXT)) return candidate;
  }
  return null;
}

/**
 * [guess] The page's own section: the element holding the heading and, after it, the tabs and
 * their panels (the heading's parent, as on every settings page we know of). Where our UI goes when
 * a finer landmark is missing, and the widest part of the page a feature observes.
 */
export function findMembersSection(heading: Element): Element | null {
  return heading.parentElement;
}

export interface MembersPage {
  location: ConsoleLocation;
  heading: HTMLElement;
}

/** The Members & Groups page when both the URL and the heading say so. */
export function detectMembersPage(href: string, root: ParentNode = document): MembersPage | null {
  const location = parseSettingsLocation(href);
  if (!location) return null;
  const heading = findMembersHeading(root);
  return heading ? { location, heading } : null;
}
