/**
 * A notice inside the console's dialog built from plain DOM, with its styles inline in its own
 * shadow root: it needs nothing from the extension (no stylesheet, no Preact, no messages), so it
 * still works when the extension's context is gone (updated or reloaded with the tab open) or when
 * the regular panel could not be shown. Text only: every string is set as text, never as markup.
 */
const HOST_MARK = 'data-admin-lens';

const STYLE = `
:host { all: initial; display: block; }
.box { box-sizing: border-box; margin: 12px 0; padding: 12px 14px; border: 1px solid #e2e8f0;
  border-left: 4px solid #dc2626; border-radius: 6px; background: #fef2f2; color: #1f2937;
  font: 13px/19px -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; }
.title { margin: 0 0 8px; font-weight: 600; font-size: 14px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
button { font: inherit; padding: 5px 12px; border-radius: 4px; border: 1px solid #cbd5e1; background: #fff;
  color: #1f2937; cursor: pointer; }
button.primary { background: #1e61f0; border-color: #1e61f0; color: #fff; }
button.danger { border-color: #b91c1c; color: #b91c1c; }
button:focus-visible { outline: 2px solid #1e61f0; outline-offset: 2px; }
`;

export interface PlainNoticeAction {
  label: string;
  kind?: 'primary' | 'danger';
  onPress: () => void;
}

export interface PlainNotice {
  host: HTMLElement;
  remove: () => void;
}

/** Shows `message` with `actions` after `anchor` (or at the end of `container`); one notice per container and mark. */
export function showPlainNotice(options: {
  container: HTMLElement;
  anchor?: Element | null;
  mark: string;
  label: string;
  message: string;
  actions: PlainNoticeAction[];
}): PlainNotice {
  const existing = options.container.querySelector<HTMLElement>(`[${HOST_MARK}="${options.mark}"]`);
  existing?.remove();
  const host = document.createElement('div');
  host.setAttribute(HOST_MARK, options.mark);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = document.createElement('section');
  box.className = 'box';
  box.setAttribute('aria-label', options.label);
  const title = document.createElement('p');
  title.className = 'title';
  title.setAttribute('role', 'alert');
  title.textContent = options.message;
  const actions = document.createElement('div');
  actions.className = 'actions';
  for (const action of options.actions) {
    const button = document.createElement('button');
    button.type = 'button';
    if (action.kind) button.className = action.kind;
    button.textContent = action.label;
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      action.onPress();
    });
    actions.append(button);
  }
  box.append(title, actions);
  shadow.append(style, box);
  if (options.anchor?.parentNode && options.container.contains(options.anchor)) options.anchor.after(host);
  else options.container.append(host);
  return { host, remove: () => host.remove() };
}
