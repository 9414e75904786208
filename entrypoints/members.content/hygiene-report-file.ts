/**
 * The access hygiene report is its own file (entrypoints/hygiene-report.ts): the panel, its table,
 * the report's logic, words and exports, with their own copy of Preact, loaded by the content
 * script only when the admin opens the report from the summary panel (the Members page's file and
 * the content script stay small). This is its shape (types only) and its loader.
 */
import type { AccessReport } from '@/utils/access/report';
import type { OrgSnapshot } from '@/utils/access/model';
import type { ContentRead } from '@/utils/hygiene/activity';
import type { contentScope } from '@/utils/hygiene/content-scope';
import { t } from '@/utils/i18n';
import { unlistedFileLoader } from './load-unlisted';

export const HYGIENE_FILE = '/hygiene-report.js';
export const HYGIENE_GLOBAL = '__adminLensHygieneReport';

/** What the panel is drawn from; every update gives all of it again. */
export interface HygienePanelInput {
  snapshot: OrgSnapshot | null;
  report: AccessReport | null;
  /** Why the org could not be read, if it could not. */
  error: string | null;
  /** What each joined person owns, by member id, as far as read; null until reading starts. */
  content: ReadonlyMap<string, ContentRead> | null;
  contentProgress: { done: number; total: number } | null;
  /** Whose content is read (utils/hygiene/content-scope.ts), said in the report; null until known. */
  contentScope: { read: number; joined: number; forActivity: boolean } | null;
  inactiveDays: number;
  staleInviteDays: number;
  onClose(): void;
  /** Given by the page when offboarding is available: shows "Offboard selected…". */
  onOffboard?(selected: { email: string }[]): void;
  /** Given by the page when changing an email is available: shows "Change email…" per row. */
  onChangeEmail?(email: string): void;
}

export interface HygieneFile {
  /** Draws the panel (its styles included) into `host`, a node of our shadow root. */
  mount(host: HTMLElement, input: HygienePanelInput): { update(input: HygienePanelInput): void; unmount(): void };
  /** Whose content to read for the report: the people it lists (or everyone joined, when content is the only activity data). */
  contentScope: typeof contentScope;
}

export const loadHygieneFile = unlistedFileLoader<HygieneFile>(HYGIENE_FILE, HYGIENE_GLOBAL, () => t('hygLoadFailed', { error: `${HYGIENE_FILE} did not load` }));
