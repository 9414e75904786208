/** The in-page landmark watch: a landmark is reported after it stays missing, and cleared when back. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchMissingLandmarks, type MissingLandmark } from './landmark-watch';

function page(tableName: string | null) {
  document.body.replaceChildren();
  const section = document.createElement('section');
  const heading = document.createElement('h1');
  heading.textContent = 'Team Members & Groups';
  const tablist = document.createElement('div');
  tablist.setAttribute('role', 'tablist');
  const tab = document.createElement('button');
  tab.setAttribute('role', 'tab');
  tab.setAttribute('aria-selected', 'true');
  tab.setAttribute('aria-controls', 'panel-users');
  tab.textContent = 'Users';
  tablist.append(tab);
  const panel = document.createElement('div');
  panel.setAttribute('role', 'tabpanel');
  panel.id = 'panel-users';
  const invite = document.createElement('button');
  invite.textContent = 'Invite New Users';
  const table = document.createElement('table');
  if (tableName) table.setAttribute('aria-label', tableName);
  panel.append(invite, table);
  section.append(heading, tablist, panel);
  document.body.append(section);
  return table;
}

beforeEach(() => {
  vi.useFakeTimers();
  history.pushState(null, '', '/analytics/demo-org/settings/members');
});
afterEach(() => vi.useRealTimers());

describe('watchMissingLandmarks', () => {
  it('reports a landmark missing for the grace period, with the features it stops, and clears it when it is back', async () => {
    const table = page(null);
    const seen: MissingLandmark[][] = [];
    const controller = new AbortController();
    watchMissingLandmarks(document, document.body, controller.signal, (missing) => seen.push(missing), { graceMs: 2_000, throttleMs: 100 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(seen).toEqual([]); // still within the grace period: maybe just loading
    await vi.advanceTimersByTimeAsync(1_500);
    expect(seen).toEqual([[{ id: 'users-table', name: 'Users table', features: ['Access badges'] }]]);

    table.setAttribute('aria-label', 'Joined users');
    await vi.advanceTimersByTimeAsync(200);
    expect(seen.at(-1)).toEqual([]);
    controller.abort();
  });

  it('says nothing when every landmark is there, and stops on abort', async () => {
    page('Joined users');
    const onChange = vi.fn();
    const controller = new AbortController();
    watchMissingLandmarks(document, document.body, controller.signal, onChange, { graceMs: 500, throttleMs: 50 });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(onChange).not.toHaveBeenCalled();
    controller.abort();
    document.querySelector('table')!.removeAttribute('aria-label');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(onChange).not.toHaveBeenCalled();
  });
});
