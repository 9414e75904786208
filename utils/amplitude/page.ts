/**
 * Recognising the console's Members & Groups page. Everything here is Amplitude knowledge.
 *
 * Evidence (console-reference.md, sections 1-2):
 * - app paths are `/analytics/<orgUrl>/...` and `/analytics/org/<numericOrgId>/...` [doc]
 * - settings pages live under `.../settings/...` [doc]
 * - the page's heading reads "Team Members & Groups" [shot]
 * - the exact Members & Groups path is not public; `/settings/members` is our assumption [guess],
 *   which is why detection also requires the heading and never relies on the path alone.
 */

export const MEMBERS_HEADING_TEXT = 'Team Members & Groups';

export interface ConsoleLocation {
  /** The org as it appears in the URL: its URL slug, or `org/<id>` for numeric addresses. */
  orgUrl: string;
  /** What follows `/settings/`, e.g. `members` or `projects`; empty for the settings root. */
  settingsPath: string;
}

const SETTINGS_PATH = /^\/analytics\/(org\/\d+|[^/]+)\/settings(?:\/(.*))?$/;

/** Parses a console URL; `null` when it is not an org settings page. */
export function parseSettingsLocation(href: string): ConsoleLocation | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const match = SETTINGS_PATH.exec(url.pathname.replace(/\/+$/, ''));
  if (!match || match[1] === 'org') return null;
  return { orgUrl: decodeURIComponent(match[1] ?? ''), settingsPath: match[2] ?? '' };
}

function normalisedText(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The page heading "Team Members & Groups", found by role and visible text, never by class.
 * Accepts native headings and ARIA headings.
 */
export function findMembersHeading(root: ParentNode = document): HTMLElement | null {
  const candidates = root.querySelectorAll<HTMLElement>('h1, h2, h3, [role="heading"]');
  for (const candidate of candidates) {
    if (normalisedText(candidate) === MEMBERS_HEADING_TEXT) return candidate;
  }
  return null;
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
