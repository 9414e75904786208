import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MembersPage } from '@/utils/amplitude/page';

/** What every feature is started with (besides its AbortSignal). */
export interface MembersContext {
  ctx: ContentScriptContext;
  page: MembersPage;
}
