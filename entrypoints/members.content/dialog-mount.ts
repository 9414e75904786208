/**
 * Draws a dialog of an on-demand file (bulk invite, offboarding) into the host the page gave it,
 * with the file's own Preact and the dialogs' styles (they come with the file, not with every
 * visit's page styles). The dialog stays mounted, hidden while closed, so its text survives closing.
 */
import { h, render, type FunctionComponent } from 'preact';
import css from './bulk-invite-panel.css?inline';

export interface MountedDialog<Props> {
  update(props: Props): void;
  unmount(): void;
}

export function mountDialog<Props extends object>(host: HTMLElement, Dialog: FunctionComponent<Props>, props: Props): MountedDialog<Props> {
  const style = document.createElement('style');
  style.textContent = css;
  const root = document.createElement('div');
  host.append(style, root);
  const draw = (next: Props) => render(h(Dialog, next), root);
  draw(props);
  return {
    update: draw,
    unmount() {
      render(null, root);
      style.remove();
      root.remove();
    },
  };
}
