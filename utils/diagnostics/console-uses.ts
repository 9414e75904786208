/**
 * "What this console uses": the operations the page itself called during this visit (the content
 * script counts them from resource timing, page-operations.ts), each marked against ours: also used
 * by us, we call it and it failed, or unknown to us; and ours that the page has not called. This is
 * how a real console teaches us which of our [guess] operations it knows. Pure; popup only.
 */
import { OPERATIONS } from '@/utils/amplitude/endpoint';
import { t, tCount } from '@/utils/i18n';
import type { DiagnosticsAnswer } from './protocol';
import type { DiagnosticRow } from './report';

export type ConsoleUseStatus = 'ours' | 'ours-failed' | 'unknown';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every operation we call: our query texts, and whatever our client has a record of. */
function ourOperations(answer: DiagnosticsAnswer): Set<string> {
  return new Set([...Object.keys(OPERATIONS), ...Object.keys(answer.queries)]);
}

/** The page's operations, by name, each marked. */
export function consoleUseRows(answer: DiagnosticsAnswer): DiagnosticRow<ConsoleUseStatus>[] {
  const ours = ourOperations(answer);
  const queries = answer.queries as Partial<Record<string, { ok: boolean }>>;
  return Object.entries(answer.pageOperations ?? {})
    .sort(([a], [b]) => byName(a, b))
    .map(([name, count]) => {
      const calls = tCount('diagUsesCalls', count);
      if (!ours.has(name)) return { name, status: 'unknown', detail: t('diagUsesUnknown', { calls }) };
      if (queries[name]?.ok === false) return { name, status: 'ours-failed', detail: t('diagUsesOursFailed', { calls }) };
      return { name, status: 'ours', detail: t('diagUsesOurs', { calls }) };
    });
}

/** Ours that the page has not called this visit (names, sorted). */
export function oursNotSeen(answer: DiagnosticsAnswer): string[] {
  const seen = answer.pageOperations ?? {};
  return [...ourOperations(answer)].filter((name) => !Object.hasOwn(seen, name)).sort(byName);
}

/** One sentence under the list: what it means when it is empty, and ours that the page has not called. */
export function consoleUsesNote(answer: DiagnosticsAnswer): string {
  if (!answer.pageOperations) return t('diagUsesUnavailable');
  const none = Object.keys(answer.pageOperations).length === 0;
  const unseen = oursNotSeen(answer);
  if (none) return t('diagUsesNone');
  return unseen.length ? t('diagUsesOursNotSeen', { names: unseen.join(', ') }) : t('diagUsesAllSeen');
}
