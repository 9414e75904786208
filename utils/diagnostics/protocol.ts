/**
 * The popup asks the content script of the current tab for diagnostics (browser.tabs.sendMessage).
 * The request schema is tiny on purpose: it is bundled into the content script, whose size is
 * budgeted. The answer's schema lives with the popup (answer-schema.ts).
 */
import { z } from 'zod/mini';
import type { QueryRecord } from '@/utils/amplitude/console-client';
import type { OperationName } from '@/utils/amplitude/endpoint';
import type { LandmarkId, LandmarkStatus } from '@/utils/amplitude/landmarks';

/**
 * 'diagnostics' reads the page; 'open-bulk-invite' opens our bulk-invite panel there;
 * 'record-shapes' starts a 60 s recording of data shapes and 'shapes' asks how it stands
 * (answered with a ShapesAnswer, shape-schema.ts).
 */
export const TabRequest = z.strictObject({ type: z.enum(['diagnostics', 'open-bulk-invite', 'record-shapes', 'shapes']) });
export type TabRequest = z.infer<typeof TabRequest>;

export interface DataCounts {
  members: number;
  pending: number;
  projects: number;
  /** Null when permission groups are not readable on this console. */
  groups: number | null;
}

export interface DiagnosticsAnswer {
  /** Both the URL and the heading say Members & Groups (the features run). */
  isMembersPage: boolean;
  /** The org in the URL when this is an org settings page. */
  orgUrl: string | null;
  /** The org data of this visit; null when not on the Members & Groups page. */
  data: {
    status: 'loading' | 'ready' | 'refreshing' | 'error';
    /** ISO time of the snapshot shown, if any. */
    readAt: string | null;
    fromCache: boolean;
    counts: DataCounts | null;
    error: string | null;
    /** What of the org this console did not let us read, in a sentence; null or absent when all was read. */
    unread?: string | null;
  } | null;
  landmarks: Record<LandmarkId, LandmarkStatus>;
  /**
   * The Users rows on screen and how many of them show no email and no name unique in the org (no
   * badge there), as the access badges last counted them with the org's data; null without.
   */
  rows?: { total: number; unreadable: number } | null;
  /** Last outcome of each data query run in this page (at: epoch ms); absent = not run. */
  queries: Partial<Record<OperationName, QueryRecord & { at: number }>>;
  /**
   * The GraphQL operations the page itself called during this visit and how often (from resource
   * timing, page-operations.ts); absent from content scripts older than this field.
   */
  pageOperations?: Record<string, number>;
}
