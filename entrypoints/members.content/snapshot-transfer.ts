/**
 * The org's snapshot to and from the background's cache without a long task in the page. A
 * 5,000-member snapshot is megabytes: sent or received in one message, it held the page's main
 * thread for 60-90 ms (the browser converts a message in the page's own task; the bench's longest
 * piece of the extension's work). So its members travel in parts of JSON text, each made or read
 * in a task of its own (utils/messages.ts: `snapshot-part` and `snapshot-put-parts` to cache it,
 * `snapshot-get-parts` and `snapshot-get-part` to read it back). A small org goes in one message.
 */
import type { Member, OrgSnapshot } from '@/utils/access/model';
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

/** The cached snapshot of the org, read back in parts, each parsed in a task of its own; null when there is none. */
export async function getSnapshot(orgKey: string, pause: () => Promise<void>): Promise<{ readAt: number; snapshot: OrgSnapshot } | null> {
  const readId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const head = await sendRequest({ type: 'snapshot-get-parts', orgKey, readId });
  if (!head) return null;
  const members: Member[] = [];
  for (let index = 0; index < head.parts; index++) {
    const { members: text } = await sendRequest({ type: 'snapshot-get-part', readId, index });
    await pause();
    // The background stored it validated: parsed, not checked again (as snapshot-get did).
    members.push(...(JSON.parse(text) as Member[]));
  }
  await pause();
  return { readAt: head.readAt, snapshot: { ...(JSON.parse(head.rest) as Omit<OrgSnapshot, 'members'>), members } };
}
