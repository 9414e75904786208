import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MembersPage } from '@/utils/amplitude/page';
import type { OrgData } from './org-data';

/** What every feature is started with (besides its AbortSignal). */
export interface MembersContext {
  ctx: ContentScriptContext;
  page: MembersPage;
  /** The org's data and access report, shared by every feature of this visit. */
  orgData: OrgData;
}
