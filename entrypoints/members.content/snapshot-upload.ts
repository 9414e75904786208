/**
 * Caching the org's snapshot in the background without a long task in the page. A 5,000-member
 * snapshot is megabytes of JSON: made and sent in one go, it held the page's main thread for
 * 60-90 ms (the bench's longest piece of the extension's work). So its members go in parts, each
 * made into JSON text and sent in a task of its own; the last message names the parts and brings
 * the rest (utils/messages.ts, `snapshot-part` and `snapshot-put-parts`). A small org goes in one.
 */
import type { OrgSnapshot } from '@/utils/access/model';
import { sendRequest } from '@/utils/messaging';

/** Members per part: a part is made and sent in a few ms. */
export const MEMBERS_PER_PART = 500;

export async function putSnapshot(orgKey: string, snapshot: OrgSnapshot, pause: () => Promise<void>): Promise<{ stored: boolean }> {
  const { members, ...rest } = snapshot;
  if (members.length <= MEMBERS_PER_PART) return sendRequest({ type: 'snapshot-put', orgKey, snapshot: JSON.stringify(snapshot) });
  const uploadId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  let parts = 0;
  for (let from = 0; from < members.length; from += MEMBERS_PER_PART) {
    await pause();
    const text = JSON.stringify(members.slice(from, from + MEMBERS_PER_PART));
    await sendRequest({ type: 'snapshot-part', uploadId, index: parts++, members: text });
  }
  await pause();
  return sendRequest({ type: 'snapshot-put-parts', orgKey, uploadId, parts, rest: JSON.stringify(rest) });
}
