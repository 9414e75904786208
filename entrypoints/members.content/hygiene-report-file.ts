/**
 * The access hygiene report is its own file (entrypoints/hygiene-report.ts): the panel, its table,
 * the report's logic, words and exports, and the reading of what people own (hygiene-session.ts),
 * with their own copy of Preact, loaded by the content script only when the admin opens the report
 * from the summary panel (the Members page's file and the content script stay small). This is its
 * shape (types only) and its loader.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AccessReport } from '@/utils/access/report';
import type { OrgSnapshot } from '@/utils/access/model';
import type { ContentRead } from '@/utils/hygiene/activity';
import { t } from '@/utils/i18n';
import { unlistedFileLoader } from './load-unlisted';
import type { OrgData } from './org-data';

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

/** What the summary panel (hygiene-panel.ts) opens the report with. */
export interface HygieneOpenOptions {
  ctx: ContentScriptContext;
  orgData: OrgData;
  /** The summary panel's host: the report sits right after it. */
  anchor(): Element;
  onClose(): void;
  /** The actions offered (offboarding, changing an email), as available when the report opens. */
  actions: Pick<HygienePanelInput, 'onOffboard' | 'onChangeEmail'>;
}

export interface HygieneFile {
  /**
   * Shows the report under the summary panel, fed with the org's data, the settings' thresholds
   * and what people own (read a few people at a time), until `signal` aborts (then it goes).
   */
  open(options: HygieneOpenOptions, signal: AbortSignal): Promise<void>;
}

export const loadHygieneFile = unlistedFileLoader<HygieneFile>(HYGIENE_FILE, HYGIENE_GLOBAL, () => t('hygLoadFailed', { error: `${HYGIENE_FILE} did not load` }));
