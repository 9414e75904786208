// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import { generateSnapshot } from '@/utils/access/test-snapshot';
import { createBackgroundHandler } from '@/utils/background-handler';
import { openAdminLensDb } from '@/utils/storage/db';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const contentScript = { id: OWN_ID, url: 'https://app.amplitude.com/analytics/acme/settings/members', tab: { id: 7, url: 'https://app.amplitude.com/analytics/acme/settings/members' } };
const ORG_KEY = 'https://app.amplitude.com|acme';

const io = vi.hoisted(() => ({ handle: null as null | ((message: unknown) => Promise<unknown>), sent: [] as { type: string }[] }));
vi.mock('@/utils/messaging', () => ({
  sendRequest: async (request: { type: string }) => {
    io.sent.push(request);
    const answer = (await io.handle?.(request)) as { ok: boolean; result?: unknown; error?: { message: string } };
    if (!answer.ok) throw new Error(answer.error?.message);
    return answer.result;
  },
}));
const { putSnapshot, MEMBERS_PER_PART } = await import('./snapshot-upload');

describe('putting a snapshot in parts', () => {
  let handle: ReturnType<typeof createBackgroundHandler>;
  beforeEach(() => {
    handle = createBackgroundHandler({ ownId: OWN_ID, ownOrigin: `chrome-extension://${OWN_ID}`, version: '1.2.3', db: () => openAdminLensDb() });
    io.handle = (message) => handle(message, contentScript);
    io.sent = [];
  });

  it('sends a large org as parts, each in a task of its own, and the background stores exactly the snapshot', async () => {
    const snapshot = { ...generateSnapshot(11, { members: 1_234, projects: 5, groups: 3, projectLevel: true, groupsPerMember: 1, projectsPerGroup: 2, directPerMember: 1 }), readAt: '2026-11-30T10:00:00.000Z' };
    let pauses = 0;
    expect(await putSnapshot(ORG_KEY, snapshot, async () => void pauses++)).toEqual({ stored: true });
    const parts = Math.ceil(1_234 / MEMBERS_PER_PART);
    expect(io.sent.map((request) => request.type)).toEqual([...Array.from({ length: parts }, () => 'snapshot-part'), 'snapshot-put-parts']);
    expect(pauses).toBe(parts + 1);
    expect(await handle({ type: 'snapshot-get', orgKey: ORG_KEY }, contentScript)).toEqual({ ok: true, result: { readAt: Date.parse(snapshot.readAt), snapshot } });
  });

  it('a small org goes in one message', async () => {
    const snapshot = { ...generateSnapshot(12, { members: 20, projects: 3, groups: 2, projectLevel: true, groupsPerMember: 1, projectsPerGroup: 2, directPerMember: 1 }), readAt: '2026-11-30T11:00:00.000Z' };
    expect(await putSnapshot(ORG_KEY, snapshot, async () => undefined)).toEqual({ stored: true });
    expect(io.sent.map((request) => request.type)).toEqual(['snapshot-put']);
  });

  it('parts lost on the way (a restarted worker) are said, and nothing half is stored', async () => {
    const snapshot = { ...generateSnapshot(13, { members: 1_100, projects: 3, groups: 2, projectLevel: true, groupsPerMember: 1, projectsPerGroup: 2, directPerMember: 1 }), readAt: '2026-11-30T12:00:00.000Z' };
    let sent = 0;
    io.handle = (message) => {
      // The worker restarts after the first part: what it had in memory is gone.
      if ((message as { type: string }).type === 'snapshot-part' && sent++ === 1) {
        handle = createBackgroundHandler({ ownId: OWN_ID, ownOrigin: `chrome-extension://${OWN_ID}`, version: '1.2.3', db: () => openAdminLensDb() });
      }
      return handle(message, contentScript);
    };
    await expect(putSnapshot('https://app.amplitude.com|acme', snapshot, async () => undefined)).rejects.toThrow(/2 of 3 parts arrived/);
    const stored = (await handle({ type: 'snapshot-get', orgKey: ORG_KEY }, contentScript)) as { result: { readAt: number } | null };
    expect(stored.result?.readAt).not.toBe(Date.parse(snapshot.readAt));
  });

  it('parts of one tab are never put by another', async () => {
    const snapshot = { ...generateSnapshot(14, { members: 600, projects: 3, groups: 2, projectLevel: true, groupsPerMember: 1, projectsPerGroup: 2, directPerMember: 1 }), readAt: '2026-11-30T13:00:00.000Z' };
    const otherTab = { ...contentScript, tab: { ...contentScript.tab, id: 8 } };
    await handle({ type: 'snapshot-part', uploadId: 'u1', index: 0, members: JSON.stringify(snapshot.members) }, contentScript);
    const { members: _members, ...rest } = snapshot;
    expect(await handle({ type: 'snapshot-put-parts', orgKey: ORG_KEY, uploadId: 'u1', parts: 1, rest: JSON.stringify(rest) }, otherTab)).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
  });
});
