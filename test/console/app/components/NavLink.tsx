/**
 * A real <a href> whose plain click is handled in the page (pushState), as a router link is:
 * modified clicks (new tab, new window) keep the browser's behaviour.
 */
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../routing';

export function NavLink(props: { href: string; current?: boolean; className?: string; children: ReactNode }) {
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.href);
  }
  return (
    <a href={props.href} aria-current={props.current ? 'page' : undefined} className={props.className} onClick={onClick}>
      {props.children}
    </a>
  );
}
