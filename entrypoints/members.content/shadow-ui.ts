/**
 * A UI of ours in its own shadow root, placed beside the console's markup: what the page's features
 * (chip, summary, group notes, bulk invite, offboarding, hygiene, removal guard) used of WXT's
 * `createShadowRootUi`, with the same DOM (a custom element host, an open shadow root holding
 * `html > head > style` and `body`, the styles reset at the host) and the same placing rules. Ours
 * because WXT's also brings auto-mounting, element waiting and stylesheet fetching that no feature
 * uses: about 3 KB gzip of the Members page's file (issue 15's budget).
 * The access badges and card use lighter hosts still (access-badges.tsx, createHost).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Where the host goes, relative to the anchor; a function places it itself. */
export type ShadowUiAppend = 'last' | 'first' | 'replace' | 'after' | 'before' | ((anchor: Element, host: HTMLElement) => void);

export interface ShadowUiOptions<Mounted> {
  /** The host's tag: a custom element name (two words, kebab-case). */
  name: string;
  /** The UI's styles, inside the shadow root. */
  css?: string;
  /** Inline: the host flows with the page's content (the only placement the features use). */
  position: 'inline';
  /** The element the host is placed by, or a function finding it at mount time. */
  anchor: Element | null | undefined | (() => Element | null | undefined);
  /** Default 'last': appended inside the anchor. */
  append?: ShadowUiAppend;
  /** Draws into the shadow root's body; what it returns is handed to `onRemove`. */
  onMount(container: HTMLElement, shadow: ShadowRoot, host: HTMLElement): Mounted;
  onRemove?(mounted: Mounted | undefined): void;
}

export interface ShadowUi {
  readonly shadowHost: HTMLElement;
  readonly shadow: ShadowRoot;
  readonly uiContainer: HTMLElement;
  /** Places the host by its anchor and draws; throws when there is no anchor. */
  mount(): void;
  /** Takes the host out and lets the UI clean up; safe to call again. */
  remove(): void;
}

/** A reset at the host, so the console's styles do not reach in (as WXT's UIs have it). */
const HOST_RESET = ':host{all:initial !important;}';

/** Async, as WXT's was: every caller awaits it, and its mount comes a turn later as before. */
export async function createShadowUi<Mounted>(ctx: ContentScriptContext, options: ShadowUiOptions<Mounted>): Promise<ShadowUi> {
  const host = document.createElement(options.name);
  const shadow = host.attachShadow({ mode: 'open' });
  const html = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  const style = document.createElement('style');
  style.textContent = [HOST_RESET, options.css ?? ''].join('\n').trim();
  head.append(style);
  html.append(head, body);
  shadow.append(html);

  let mounted: Mounted | undefined;
  const remove = () => {
    options.onRemove?.(mounted);
    host.remove();
    body.replaceChildren();
    mounted = undefined;
  };
  ctx.onInvalidated(remove);
  return {
    shadowHost: host,
    shadow,
    uiContainer: body,
    mount() {
      place(host, options);
      mounted = options.onMount(body, shadow, host);
    },
    remove,
  };
}

function place(host: HTMLElement, { anchor, append = 'last' }: Pick<ShadowUiOptions<unknown>, 'anchor' | 'append'>): void {
  const element = typeof anchor === 'function' ? anchor() : anchor;
  if (!element) throw new Error('Failed to mount content script UI: could not find anchor element');
  switch (append) {
    case 'last':
      element.append(host);
      break;
    case 'first':
      element.prepend(host);
      break;
    case 'replace':
      element.replaceWith(host);
      break;
    case 'after':
      element.parentElement?.insertBefore(host, element.nextElementSibling);
      break;
    case 'before':
      element.parentElement?.insertBefore(host, element);
      break;
    default:
      append(element, host);
  }
}
