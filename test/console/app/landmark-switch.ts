/**
 * What the test switch renamed or removed on this page (shared/landmarks.ts), read once on load.
 * Without a switch every landmark is as documented in README.md.
 */
import { readLandmarkSettings } from '../shared/landmarks';

export const landmarkSwitch = readLandmarkSettings(document);

/** [doc] The Users tab's invite button label, or null when the switch removed it. */
export const inviteButtonLabel: string | null = landmarkSwitch.inviteButton === undefined ? 'Invite New Users' : landmarkSwitch.inviteButton;

/** [guess] The Users table's accessible name; undefined when the switch removed it. */
export function usersTableName(view: 'joined' | 'pending'): string | undefined {
  if (landmarkSwitch.usersTableName === undefined) return view === 'joined' ? 'Joined users' : 'Pending users';
  return landmarkSwitch.usersTableName ?? undefined;
}
