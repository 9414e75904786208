// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '@/utils/amplitude/endpoint';
import { consoleUseRows, consoleUsesNote, oursNotSeen } from './console-uses';
import type { DiagnosticsAnswer } from './protocol';
import { reportText } from './report';

const AT = Date.parse('2025-03-01T10:00:00.000Z');
const OURS = Object.keys(OPERATIONS);
const [FIRST, SECOND, ...REST] = OURS as [string, string, ...string[]];

function answer(pageOperations: Record<string, number> | undefined, queries: DiagnosticsAnswer['queries'] = {}): DiagnosticsAnswer {
  return { isMembersPage: true, orgUrl: 'demo-org', data: null, landmarks: {} as DiagnosticsAnswer['landmarks'], queries, pageOperations };
}

describe('what this console uses', () => {
  it('marks each operation the page called: ours, ours and failed, or unknown to us', () => {
    const queries = {
      [FIRST]: { operation: FIRST, ok: true, attempts: 1, at: AT },
      [SECOND]: { operation: SECOND, ok: false, attempts: 3, kind: 'refused', error: 'Cannot query field', at: AT },
    } as DiagnosticsAnswer['queries'];
    const rows = consoleUseRows(answer({ [SECOND]: 2, GlobalSearchX: 1, [FIRST]: 1 }, queries));
    expect(rows.map((row) => [row.name, row.status])).toEqual(
      [
        [FIRST, 'ours'],
        [SECOND, 'ours-failed'],
        ['GlobalSearchX', 'unknown'],
      ].sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );
    expect(rows.find((row) => row.name === 'GlobalSearchX')?.detail).toBe('The page called it (1 call this visit); Admin Lens does not know this operation.');
    expect(rows.find((row) => row.name === SECOND)?.detail).toBe(
      'The page called it (2 calls this visit); Admin Lens calls it too and its last call failed (see Data queries).',
    );
    expect(rows.find((row) => row.name === FIRST)?.detail).toBe('The page called it (1 call this visit); Admin Lens reads it too.');
  });

  it('counts an operation of ours as ours before we ran it, and one our client ran though not in our list', () => {
    const rows = consoleUseRows(answer({ [FIRST]: 1, NewerOp: 1 }, { NewerOp: { operation: 'NewerOp', ok: true, attempts: 1, at: AT } } as unknown as DiagnosticsAnswer['queries']));
    expect(rows.map((row) => row.status)).toEqual(['ours', 'ours']);
  });

  it('says which of ours the page has not called, that it called none yet, or that the tab cannot tell', () => {
    expect(oursNotSeen(answer({ [FIRST]: 3 }))).toEqual([SECOND, ...REST].sort());
    expect(consoleUsesNote(answer({ [FIRST]: 3 }))).toBe(`Ours that the page has not called this visit: ${[SECOND, ...REST].sort().join(', ')}.`);
    expect(consoleUsesNote(answer(Object.fromEntries(OURS.map((name) => [name, 1]))))).toBe('The page has called every operation Admin Lens uses.');
    expect(consoleUsesNote(answer({}))).toBe('The page has called no data operation yet during this visit.');
    expect(consoleUsesNote(answer(undefined))).toMatch(/^Not known: reload the Amplitude tab/);
    expect(consoleUseRows(answer(undefined))).toEqual([]);
  });

  it('goes into the copied report, with the marks', () => {
    const text = reportText({ answer: answer({ Unheard: 2, [FIRST]: 1 }), version: '0.1.0', userAgent: 'UA', now: '2025-03-01T10:01:00.000Z' });
    expect(text).toContain('What this console uses (operations the page itself called):\n');
    expect(text).toContain('- unknown to us: Unheard. The page called it (2 calls this visit); Admin Lens does not know this operation.');
    expect(text).toContain(`- also ours: ${FIRST}. The page called it (1 call this visit); Admin Lens reads it too.`);
    expect(text).toContain('Ours that the page has not called this visit: ');
  });
});
