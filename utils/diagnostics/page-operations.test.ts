import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteOwnRequest } from '@/utils/amplitude/own-requests';
import { watchPageOperations } from './page-operations';

/** A stand-in for the browser's timeline: the test hands entries to every observer. */
let observers: Array<(entries: Array<{ name: string; startTime: number }>) => void> = [];
let observed: PerformanceObserverInit[] = [];
class FakeObserver {
  constructor(private readonly callback: (list: { getEntries(): unknown[] }) => void) {}
  observe(init: PerformanceObserverInit) {
    observed.push(init);
    observers.push((entries) => this.callback({ getEntries: () => entries }));
  }
  disconnect() {
    observers = [];
  }
}
const entries = (...list: Array<[string, number]>) => observers.forEach((deliver) => deliver(list.map(([name, startTime]) => ({ name, startTime }))));
const url = (operation: string, org = 'org-url/demo-org') => `${location.origin}/t/graphql/${org}?q=${operation}`;

afterEach(() => {
  vi.unstubAllGlobals();
  observers = [];
  observed = [];
});

describe("the page's operations, from resource timing", () => {
  it('counts the GraphQL operations of this origin, from before the script started (buffered) and after', () => {
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    const watch = watchPageOperations(location.origin);
    expect(observed).toEqual([{ type: 'resource', buffered: true }]);
    entries([url('OrgData', 'org/412345'), 10], [url('Users'), 11], [`${location.origin}/static/app.js`, 12], [url('Users'), 30]);
    entries(['https://other.example/t/graphql/org-url/x?q=Evil', 40], [url('TeamSpaces'), 50]);
    expect(watch.counts()).toEqual({ OrgData: 1, Users: 2, TeamSpaces: 1 });
    watch.stop();
    expect(observers).toEqual([]);
  });

  it('leaves out our own requests where the browser lists them, and only those', () => {
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    const watch = watchPageOperations(location.origin);
    noteOwnRequest(url('Users'), 500);
    // The page's Users before ours, ours (same moment as our note), then the page's again.
    entries([url('Users'), 100], [url('Users'), 500.4], [url('Users'), 900]);
    expect(watch.counts()).toEqual({ Users: 2 });
  });

  it('holds at most 200 names however many the page makes up, and survives a browser without the observer', () => {
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    const watch = watchPageOperations(location.origin);
    entries(...Array.from({ length: 300 }, (_, i): [string, number] => [url(`Op${i}`), i]));
    expect(Object.keys(watch.counts())).toHaveLength(200);
    vi.stubGlobal(
      'PerformanceObserver',
      class {
        observe() {
          throw new TypeError('resource timing is not supported');
        }
        disconnect() {}
      },
    );
    expect(watchPageOperations(location.origin).counts()).toEqual({});
  });
});
