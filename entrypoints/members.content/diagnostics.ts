/**
 * Answers the popup's diagnostics request (utils/diagnostics/protocol.ts) for this tab: is this
 * Members & Groups, the data status, which landmarks are found, how the data queries went. Kept
 * tiny: the content script's size is budgeted; names and wording live in the popup.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { z } from 'zod/mini';
import { lastQueries } from '@/utils/amplitude/console-client';
import { probeLandmarks } from '@/utils/amplitude/landmarks';
import { parseSettingsLocation } from '@/utils/amplitude/page';
import { watchPageOperations } from '@/utils/diagnostics/page-operations';
import { TabRequest, type DiagnosticsAnswer } from '@/utils/diagnostics/protocol';
import type { ShapeRecording } from '@/utils/diagnostics/shape-recording';
import { loadShapeRecording } from '@/utils/diagnostics/shape-recording-file';
import type { OrgData } from './org-data';
import { rowCensus } from './row-census';
import { unreadNote } from './unread-note';

/** Answers one request from our own extension page (the content script checked the sender); true when it will answer. */
export type TabRequestAnswerer = (message: unknown, sendResponse: (answer: unknown) => void) => boolean;

export function answerDiagnostics(ctx: ContentScriptContext, visit: () => OrgData | null): TabRequestAnswerer {
  // From the start of the visit: what the page itself calls (names and counts only).
  const pageOperations = watchPageOperations(location.origin);
  // Loaded only once the admin starts a recording from the popup.
  let shapes: Promise<ShapeRecording> | null = null;
  // Answers through sendResponse, not a returned promise: the content script uses the browser's
  // native API, where only sendResponse answers in every browser.
  const answer = (message: unknown, sendResponse: (answer: unknown) => void): boolean => {
    const request = z.safeParse(TabRequest, message);
    if (!request.success) return false;
    if (request.data.type === 'open-bulk-invite') {
      const opener = document.querySelector('admin-lens-bulk-invite')?.shadowRoot?.querySelector<HTMLElement>('button[aria-expanded]');
      if (opener?.getAttribute('aria-expanded') === 'false') opener.click();
      opener?.focus();
      sendResponse(!!opener);
      return true;
    }
    if (request.data.type === 'record-shapes' || request.data.type === 'shapes') {
      const start = request.data.type === 'record-shapes';
      if (start) shapes ??= loadShapeRecording();
      if (!shapes) sendResponse({ phase: 'idle', until: null, operations: [] });
      shapes?.then(
        (recording) => {
          if (start) recording.start();
          sendResponse(recording.answer());
        },
        () => {
          shapes = null;
          sendResponse(null);
        },
      );
      return true;
    }
    const state = visit()?.get();
    const snapshot = state?.snapshot;
    const pending = snapshot?.members.filter((member) => member.status === 'pending').length ?? 0;
    const landmarks = probeLandmarks(document);
    // With the org's data, the badges know better than the page alone whether rows can be told apart.
    const census = rowCensus.get();
    if (census?.rows) landmarks['users-row-identity'] = census.unreadable ? 'missing' : 'found';
    const diagnostics: DiagnosticsAnswer = {
      isMembersPage: !!state,
      orgUrl: parseSettingsLocation(location.href)?.orgUrl ?? null,
      data: state
        ? {
            status: state.status,
            readAt: snapshot?.readAt ?? null,
            fromCache: state.fromCache,
            counts: snapshot
              ? { members: snapshot.members.length - pending, pending, projects: snapshot.projects.length, groups: snapshot.pieces.groups.read ? snapshot.groups.length : null }
              : null,
            error: state.error,
            unread: snapshot ? unreadNote(snapshot) : null,
          }
        : null,
      landmarks,
      rows: census ? { total: census.rows, unreadable: census.unreadable } : null,
      queries: lastQueries,
      pageOperations: pageOperations.counts(),
    };
    sendResponse(diagnostics);
    return true;
  };
  ctx.onInvalidated(() => {
    pageOperations.stop();
    void shapes?.then((recording) => recording.stop(), () => undefined);
  });
  return answer;
}
