/**
 * Every landmark of the console the extension relies on, for the popup's diagnostics: when
 * Amplitude changes its page, this is how a user tells us what broke. Amplitude knowledge, but no
 * locator of its own: each probe calls the finder the features use (page.ts, users-table.ts,
 * remove-dialog.ts, summary-anchor.ts, bulk-invite-anchor.ts), so the diagnostics and the features
 * can never disagree. The evidence for each locator is in its own file.
 *
 * Two exports on purpose: `LANDMARK_PROBES` runs in the content script (its size is budgeted, so
 * only functions), `LANDMARKS` (names, features, conditions) is read by the popup only.
 */
import { findInviteButton } from './bulk-invite-anchor';
import { findInviteWizard, findWizardForward, findWizardStep } from './invite-wizard-names';
import { findMembersHeading, parseSettingsLocation } from './page';
import { findRemoveDialogs, readRemoveDialog, removeDialogParts } from './remove-dialog';
import { findGroupsTable, findMembersTabs, findTabPanel, selectedMembersTab } from './summary-anchor';
import { findUsersArea, findUsersLists, readRow, type UsersList } from './users-table';

type Probe = (doc: Document) => boolean;

export interface LandmarkProbe {
  /** The landmark is in the page now, found by the features' own finder. */
  found: Probe;
  /** The landmark should be on screen now; when false and not found, it is "not on screen now". */
  expected: Probe;
}

const heading = (doc: Document) => findMembersHeading(doc);
const tabs = (doc: Document) => {
  const h = heading(doc);
  return h ? findMembersTabs(h, doc) : null;
};
/** Which tab shows; with no tabs found, the page is taken as showing users. */
const onTab = (doc: Document, tab: 'users' | 'groups'): boolean => {
  if (!heading(doc)) return false;
  const found = tabs(doc);
  return found ? selectedMembersTab(found) === tab : tab === 'users';
};
/** Our own nodes (custom elements `admin-lens-…`) are never part of the page's landmarks. */
const isOurs = (element: Element) => element.localName.startsWith('admin-lens-');
/** The Users lists, found once per run of the probes (three probes ask). */
let listsOfRun: { run: number; lists: UsersList[] } | null = null;
let run = 0;
const usersLists = (doc: Document): UsersList[] => {
  if (listsOfRun?.run !== run) {
    const h = heading(doc);
    const area = h && findUsersArea(h, doc);
    listsOfRun = { run, lists: area ? findUsersLists(area, isOurs) : [] };
  }
  return listsOfRun.lists;
};
const removeDialog = (doc: Document) => findRemoveDialogs(doc)[0];
const dialogPart = (part: 'list' | 'confirm' | 'transferCheckbox'): Probe => (doc) => {
  const dialog = removeDialog(doc);
  return !!dialog && !!removeDialogParts(dialog)[part];
};
/** Every person in the open removal dialog shows an email the guard can read. */
const dialogPeopleReadable: Probe = (doc) => {
  const dialog = removeDialog(doc);
  if (!dialog) return false;
  const { people } = readRemoveDialog(removeDialogParts(dialog));
  return people.length > 0 && people.every((person) => person.emails.length > 0);
};
const always: Probe = (doc) => parseSettingsLocation(doc.location?.href ?? '')?.settingsPath === 'members';
const withHeading: Probe = (doc) => !!heading(doc);
const dialogOpen: Probe = (doc) => !!removeDialog(doc);
const wizardOpen: Probe = (doc) => !!findInviteWizard(doc);
const wizardPart = (find: (dialog: Element) => unknown): Probe => (doc) => {
  const wizard = findInviteWizard(doc);
  return !!wizard && !!find(wizard);
};

export const LANDMARK_PROBES = {
  'members-heading': { found: withHeading, expected: always },
  'members-tabs': { found: (doc) => !!tabs(doc), expected: withHeading },
  'tab-panel': {
    found: (doc) => {
      const found = tabs(doc);
      return !!found && !!findTabPanel(found, doc);
    },
    expected: withHeading,
  },
  'users-table': { found: (doc) => usersLists(doc).length > 0, expected: (doc) => onTab(doc, 'users') },
  /**
   * Without the org's data: every row shows an email or some text to match a name against. The
   * content script refines it with the data (rows whose name is not unique either): diagnostics.ts.
   */
  'users-row-identity': {
    found: (doc) => {
      const rows = usersLists(doc).flatMap((list) => list.rows);
      return rows.length > 0 && rows.every((row) => !!readRow(row, isOurs).anchor);
    },
    expected: (doc) => usersLists(doc).some((list) => list.rows.length > 0),
  },
  'invite-button': { found: (doc) => !!findInviteButton(doc), expected: (doc) => onTab(doc, 'users') },
  'groups-table': { found: (doc) => onTab(doc, 'groups') && !!findGroupsTable(doc), expected: (doc) => onTab(doc, 'groups') },
  'remove-dialog': { found: dialogOpen, expected: () => false },
  'remove-dialog-list': { found: dialogPart('list'), expected: dialogOpen },
  'remove-dialog-people': { found: dialogPeopleReadable, expected: dialogOpen },
  'remove-dialog-confirm': { found: dialogPart('confirm'), expected: dialogOpen },
  'remove-dialog-transfer': { found: dialogPart('transferCheckbox'), expected: dialogOpen },
  'invite-wizard': { found: wizardOpen, expected: () => false },
  'invite-wizard-step': { found: wizardPart(findWizardStep), expected: wizardOpen },
  'invite-wizard-forward': { found: wizardPart(findWizardForward), expected: wizardOpen },
} satisfies Record<string, LandmarkProbe>;

export type LandmarkId = keyof typeof LANDMARK_PROBES;

export type LandmarkStatus = 'found' | 'missing' | 'not-on-screen';

/** Runs every probe; a probe that throws counts as missing. Cheap: a few querySelectorAll calls. */
export function probeLandmarks(doc: Document): Record<LandmarkId, LandmarkStatus> {
  run++;
  const out = {} as Record<LandmarkId, LandmarkStatus>;
  for (const [id, probe] of Object.entries(LANDMARK_PROBES) as [LandmarkId, LandmarkProbe][]) {
    let status: LandmarkStatus = 'missing';
    try {
      status = probe.found(doc) ? 'found' : probe.expected(doc) ? 'missing' : 'not-on-screen';
    } catch {
      // missing
    }
    out[id] = status;
  }
  listsOfRun = null; // no page nodes kept between runs
  return out;
}

/** A feature of ours, by its id in entrypoints/members.content/features.ts, with its name. */
export const FEATURE_NAMES: Record<string, string> = {
  'admin-lens-chip': 'Admin Lens chip',
  'access-badges': 'Access badges',
  'access-summary': 'Access summary',
  'groups-escalation': 'Group escalation notes',
  'bulk-invite-panel': 'Bulk invite from CSV',
  offboarding: 'Offboard from CSV',
  'removal-guard': 'Removal guard',
};

export interface LandmarkInfo {
  id: LandmarkId;
  /** What a person sees, e.g. "Invite New Users button". */
  name: string;
  /** Feature ids that depend on it. */
  features: string[];
  /** When it is on screen at all, for landmarks that only exist in some states. */
  condition?: string;
}

/** For the popup: names, dependent features and conditions, in display order. */
export const LANDMARKS: readonly LandmarkInfo[] = [
  {
    id: 'members-heading',
    name: 'Heading "Team Members & Groups"',
    features: ['admin-lens-chip', 'access-badges', 'access-summary', 'groups-escalation', 'bulk-invite-panel', 'removal-guard'],
    condition: 'on the Members & Groups page (…/settings/members)',
  },
  { id: 'members-tabs', name: 'Users and Groups tabs', features: ['access-summary', 'groups-escalation'] },
  { id: 'tab-panel', name: 'Tab panel', features: ['access-summary', 'groups-escalation'] },
  { id: 'users-table', name: 'Users table', features: ['access-badges'], condition: 'on the Users tab' },
  { id: 'users-row-identity', name: 'Email or unique name in each user row', features: ['access-badges'], condition: 'while the Users table lists people' },
  { id: 'invite-button', name: 'Invite New Users button', features: ['bulk-invite-panel'], condition: 'on the Users tab' },
  { id: 'groups-table', name: 'Groups table', features: ['groups-escalation'], condition: 'on the Groups tab' },
  { id: 'remove-dialog', name: '"Remove Members?" dialog', features: ['removal-guard'], condition: 'while the "Remove Members?" dialog is open' },
  { id: 'remove-dialog-list', name: 'List of the people to remove in the dialog', features: ['removal-guard'], condition: 'while the "Remove Members?" dialog is open' },
  {
    id: 'remove-dialog-people',
    name: 'An email for each person in the removal dialog',
    features: ['removal-guard'],
    condition: 'while the "Remove Members?" dialog is open',
  },
  { id: 'remove-dialog-confirm', name: 'Button "Remove" in the dialog', features: ['removal-guard'], condition: 'while the "Remove Members?" dialog is open' },
  {
    id: 'remove-dialog-transfer',
    name: 'Checkbox "Transfer content to another user" in the dialog',
    features: ['removal-guard'],
    condition: 'while the "Remove Members?" dialog is open',
  },
  { id: 'invite-wizard', name: '"Invite New Users" dialog', features: ['bulk-invite-panel'], condition: 'while the "Invite New Users" dialog is open' },
  {
    id: 'invite-wizard-step',
    name: 'Step heading in the invite dialog ("Add Users", "Select Groups", "Assign Access", "Default Project & Team Spaces" or "Review", with or without "Step i of n:")',
    features: ['bulk-invite-panel'],
    condition: 'while the "Invite New Users" dialog is open',
  },
  { id: 'invite-wizard-forward', name: 'Button "Next" or "Send" in the invite dialog', features: ['bulk-invite-panel'], condition: 'while the "Invite New Users" dialog is open' },
];
