/**
 * The key of an org's cached snapshot: the page's origin and the org as its address names it
 * (`ConsoleLocation.orgUrl`). The background checks a content script's key against the page it
 * runs on, so a page can only reach its own org's data. Stable: earlier versions stored it.
 */
export const orgKeyFor = (origin: string, orgUrl: string): string => `${origin}|${orgUrl}`;
