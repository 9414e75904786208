/**
 * The breakdown card is its own file (entrypoints/access-card.ts), loaded by the content script on
 * the first hover or focus of a badge: the card, the per-project view and what each role may do
 * (with Amplitude's permission list) would otherwise add ~5 KB gzip to every visit of the page
 * (content-script budget: 50 KB). The access review export (its rows, CSV and JSON, and the words
 * of every finding) lives there too, loaded on the first Export click. The file is ours, packaged
 * and web-accessible to the Amplitude hosts only; importing it runs it, and it leaves its functions
 * on the isolated world's global.
 */
import type { BreakdownCardProps } from '@/components/BreakdownCard';
import type { Finding } from '@/utils/access/finding';
import type { AccessReport, MemberAccess } from '@/utils/access/report';
import type { AccessReviewMeta } from '@/utils/access/export';
import type { CustomRoleNames } from '@/utils/access/roles';
import type { AccessView } from './access-badges-model';
import { unlistedFileLoader } from './load-unlisted';
import type { OrgSnapshot } from '@/utils/access/model';

/** What "Who can…?" is drawn from (RBAC orgs with custom roles). */
export interface WhoCanInput {
  report: AccessReport;
  snapshot: OrgSnapshot;
  names?: CustomRoleNames;
  /** Gets the CSV of the answer, with its file name's permission part. */
  download(text: string, permissionTitle: string): void;
}

export const ACCESS_CARD_FILE = '/access-card.js';
export const ACCESS_CARD_GLOBAL = '__adminLensAccessCard';

/** What the card is drawn from: the member's access and findings, plus the card's own settings. */
export type AccessCardInput = Omit<BreakdownCardProps, 'name' | 'email' | 'pending' | 'summary' | 'projects' | 'findings' | 'capabilities'> & {
  view: Pick<AccessView, 'projects' | 'snapshot'>;
  access: MemberAccess;
  findings: readonly Finding[];
  names?: CustomRoleNames;
};

export interface AccessCardFile {
  /** Renders the card (with the file's own Preact) into `host`; a new `titleId` is a new card. */
  render(host: HTMLElement, input: AccessCardInput): void;
  unmount(host: HTMLElement): void;
  /** The access review export's text: CSV (with a byte order mark, for spreadsheets) or JSON. */
  /** `snapshot` (the report's) lets custom-role cells say their roles (RBAC) rather than a ranked stand-in. */
  accessReview(report: AccessReport, format: 'csv' | 'json', meta: AccessReviewMeta, names?: CustomRoleNames, snapshot?: OrgSnapshot): string;
  /** The access review's permission-level form (person × project × permission × sources), CSV with a byte order mark. */
  permissionReview(report: AccessReport, snapshot: OrgSnapshot, names?: CustomRoleNames): string;
  /** Renders "Who can…?" into `host` (null unmounts it). */
  renderWhoCan(host: HTMLElement, input: WhoCanInput | null): void;
}

/** Loads the file once, on first use (a failed load is tried again next time). */
export const loadAccessCard = unlistedFileLoader<AccessCardFile>(ACCESS_CARD_FILE, ACCESS_CARD_GLOBAL, () => `${ACCESS_CARD_FILE} did not load`);
