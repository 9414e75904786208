// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createOnceReporter, startFeatures, type Feature } from './registry';

describe('startFeatures', () => {
  it('keeps other features running when one throws, and reports the failure by name', async () => {
    const started: string[] = [];
    const features: Feature<{ label: string }>[] = [
      { id: 'sync-thrower', init: () => { throw new Error('boom'); } },
      { id: 'async-thrower', init: async () => { throw new Error('later boom'); } },
      { id: 'healthy', init: ({ label }) => { started.push(label); } },
      { id: 'elsewhere', init: () => false },
    ];
    const log = vi.fn();
    const outcomes = await startFeatures(features, { label: 'ok' }, new AbortController().signal, createOnceReporter(log));
    expect(outcomes).toEqual({
      'sync-thrower': 'failed',
      'async-thrower': 'failed',
      healthy: 'started',
      elsewhere: 'not-applicable',
    });
    expect(started).toEqual(['ok']);
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[0]?.[0]).toContain('"sync-thrower"');
    expect(log.mock.calls[1]?.[0]).toContain('"async-thrower"');
  });

  it('reports a feature only once, however often it fails', async () => {
    const log = vi.fn();
    const report = createOnceReporter(log);
    const failing: Feature<null> = { id: 'flaky', init: () => { throw new Error('again'); } };
    for (let i = 0; i < 3; i++) await startFeatures([failing], null, new AbortController().signal, report);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('passes the signal, which aborts when the page is left', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    await startFeatures([{ id: 'watcher', init: (_c: null, signal) => { seen = signal; } }], null, controller.signal, vi.fn());
    expect(seen?.aborted).toBe(false);
    controller.abort();
    expect(seen?.aborted).toBe(true);
  });
});
