/** The toolbar openers' host: right after its anchor, at the end of the heading's section without one, and back after a re-render. */
import { describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MembersPage } from '@/utils/amplitude/page';
import { mountToolbarOpener, type ToolbarOpenerOptions } from './toolbar-opener';

const ctx = { onInvalidated: () => undefined } as unknown as ContentScriptContext;

function page(toolbar: string) {
  document.body.innerHTML = `<main><header id="section"><h1 id="heading">Members</h1><div id="toolbar">${toolbar}</div></header></main>`;
  return { heading: document.getElementById('heading')! } as unknown as MembersPage;
}
const anchorButton = () => document.getElementById('invite');
const host = () => document.querySelector('admin-lens-test-opener') as HTMLElement | null;

async function mount(membersPage: MembersPage, options: Partial<ToolbarOpenerOptions> = {}) {
  const controller = new AbortController();
  const onMount = vi.fn();
  const onRemove = vi.fn();
  const hosts = await mountToolbarOpener({ ctx, page: membersPage }, { name: 'admin-lens-test-opener', after: anchorButton, onMount, onRemove, ...options }, controller.signal);
  return { hosts, onMount, onRemove, abort: () => controller.abort() };
}

describe('toolbar opener', () => {
  it('sits right after its anchor, with an opener and a dialog element, and goes with the visit', async () => {
    const membersPage = page('<button id="invite">Invite New Users</button><button id="other">Other</button>');
    const { hosts, onMount, onRemove, abort } = await mount(membersPage);
    expect(anchorButton()!.nextElementSibling).toBe(host());
    expect(onMount).toHaveBeenCalledWith(hosts);
    expect(host()!.shadowRoot!.querySelector('body')!.children).toHaveLength(2);
    abort();
    expect(host()).toBeNull();
    expect(onRemove).toHaveBeenCalledWith(hosts);
  });

  it('is put back right after the anchor when the console renders its toolbar again', async () => {
    const membersPage = page('<button id="invite">Invite New Users</button>');
    const { abort } = await mount(membersPage);
    // The console replaces its toolbar: ours goes with the old one.
    document.getElementById('toolbar')!.innerHTML = '<span>Search</span><button id="invite">Invite New Users</button>';
    await vi.waitFor(() => expect(anchorButton()!.nextElementSibling).toBe(host()));
    abort();
  });

  it('without an anchor sits at the end of the heading’s section, and moves beside the anchor once it comes', async () => {
    const membersPage = page('');
    const { abort } = await mount(membersPage);
    expect(document.getElementById('section')!.lastElementChild).toBe(host());
    document.getElementById('toolbar')!.innerHTML = '<button id="invite">Invite New Users</button>';
    await vi.waitFor(() => expect(anchorButton()!.nextElementSibling).toBe(host()));
    abort();
  });

  it('waits detached for its anchor when told not to stand alone', async () => {
    const membersPage = page('<button id="invite">Invite New Users</button>');
    let alone = true;
    const { abort } = await mount(membersPage, { alone: () => alone });
    alone = false;
    document.getElementById('toolbar')!.innerHTML = '<span id="marker">Groups</span>';
    // The change is seen (its check runs in the next frame; two frames go by), and ours stays out.
    await Promise.resolve();
    for (let frame = 0; frame < 2; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(host()).toBeNull();
    document.getElementById('toolbar')!.innerHTML = '<button id="invite">Invite New Users</button>';
    await vi.waitFor(() => expect(anchorButton()!.nextElementSibling).toBe(host()));
    abort();
  });
});
