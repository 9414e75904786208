import { describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowUi } from './shadow-ui';

/** A content-script context whose invalidation the test sets off. */
function fakeContext() {
  const listeners: (() => void)[] = [];
  const ctx = { onInvalidated: (listener: () => void) => listeners.push(listener) } as unknown as ContentScriptContext;
  return { ctx, invalidate: () => listeners.forEach((listener) => listener()) };
}

describe('shadow-root UI', () => {
  it('places its host by the anchor, draws into the shadow body with the styles, and removes cleanly', async () => {
    document.body.innerHTML = '<main><h1 id="title">Members</h1><p id="next">x</p></main>';
    const title = document.getElementById('title')!;
    const onRemove = vi.fn();
    const { ctx } = fakeContext();
    const ui = await createShadowUi(ctx, {
      name: 'admin-lens-test',
      css: '.note { color: red; }',
      position: 'inline',
      anchor: () => title,
      append: 'after',
      onMount(container) {
        const note = document.createElement('span');
        note.textContent = 'hello';
        container.append(note);
        return note;
      },
      onRemove,
    });
    expect(ui.shadowHost.isConnected).toBe(false);
    ui.mount();
    expect(title.nextElementSibling).toBe(ui.shadowHost);
    expect(ui.shadowHost.tagName).toBe('ADMIN-LENS-TEST');
    expect(ui.shadow.querySelector('head > style')?.textContent).toContain('.note { color: red; }');
    expect(ui.shadow.querySelector('head > style')?.textContent).toContain(':host{all:initial !important;}');
    expect(ui.uiContainer.textContent).toBe('hello');
    const note = ui.uiContainer.firstChild;
    ui.remove();
    expect(onRemove).toHaveBeenCalledWith(note);
    expect(ui.shadowHost.isConnected).toBe(false);
    expect(ui.uiContainer.childNodes).toHaveLength(0);
  });

  it('appends inside the anchor by default, lets a function place it, and refuses a missing anchor', async () => {
    document.body.innerHTML = '<section id="box"><p>x</p></section>';
    const box = document.getElementById('box')!;
    const { ctx } = fakeContext();
    const inside = await createShadowUi(ctx, { name: 'admin-lens-a', position: 'inline', anchor: box, onMount: () => null });
    inside.mount();
    expect(box.lastElementChild).toBe(inside.shadowHost);
    const first = await createShadowUi(ctx, { name: 'admin-lens-b', position: 'inline', anchor: box, append: (anchor, host) => anchor.prepend(host), onMount: () => null });
    first.mount();
    expect(box.firstElementChild).toBe(first.shadowHost);
    const missing = await createShadowUi(ctx, { name: 'admin-lens-c', position: 'inline', anchor: () => null, onMount: () => null });
    expect(() => missing.mount()).toThrow(/could not find anchor/);
  });

  it('goes when the extension context is invalidated (updated or reloaded)', async () => {
    document.body.innerHTML = '<div id="spot"></div>';
    const { ctx, invalidate } = fakeContext();
    const onRemove = vi.fn();
    const ui = await createShadowUi(ctx, { name: 'admin-lens-d', position: 'inline', anchor: document.getElementById('spot'), onMount: () => 'drawn', onRemove });
    ui.mount();
    invalidate();
    expect(onRemove).toHaveBeenCalledWith('drawn');
    expect(ui.shadowHost.isConnected).toBe(false);
  });
});
