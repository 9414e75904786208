/**
 * The landmark switch: tests rename or remove a landmark of the double's page to see how the
 * extension copes when Amplitude changes its page (issue 8: the popup's diagnostics name it as
 * missing, the feature says so in the page). Set through `POST /__double/landmarks`; the page
 * reads it on load from a `<meta>` the double adds to index.html, so a test reloads after flipping.
 */
import { z } from 'zod';

export const LandmarkSettings = z
  .object({
    /** The "Invite New Users" button on the Users tab: a new label, or null to remove the button. */
    inviteButton: z.string().min(1).nullable().optional(),
    /** The accessible name of the Users table ("Joined users" / "Pending users"): a new name for both views, or null for none. */
    usersTableName: z.string().min(1).nullable().optional(),
  })
  .strict();
export type LandmarkSettings = z.infer<typeof LandmarkSettings>;

/** The `<meta name>` carrying the switch (JSON) into the page. */
export const LANDMARKS_META = 'console-double-landmarks';

/** The meta tag for index.html's head; empty when nothing is switched (the page is untouched). */
export function landmarksMetaTag(settings: LandmarkSettings): string {
  if (Object.keys(settings).length === 0) return '';
  const json = JSON.stringify(settings).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<meta name="${LANDMARKS_META}" content="${json}">`;
}

/** Read in the page, once on load; anything malformed counts as no switch. */
export function readLandmarkSettings(doc: Document): LandmarkSettings {
  const content = doc.querySelector(`meta[name="${LANDMARKS_META}"]`)?.getAttribute('content');
  if (!content) return {};
  try {
    return LandmarkSettings.parse(JSON.parse(content));
  } catch {
    return {};
  }
}
