/** What of the org this console did not let us read, in one sentence: the summary panel and the popup say it. */
import { type OrgSnapshot, unreadPieces } from '@/utils/access/model';
import { pieceName } from '@/utils/access/piece-names';
import { t } from '@/utils/i18n';

export function unreadNote(snapshot: Pick<OrgSnapshot, 'pieces'>): string | null {
  const unread = unreadPieces(snapshot);
  return unread.length > 0 ? t('sumUnreadNote', { parts: unread.map(pieceName).join(', ') }) : null;
}
