/**
 * A minimal stand-in for the console's settings pages: one document whose links navigate with
 * history.pushState, like the real single-page app. Used where the full console double would only
 * add noise (page detection and navigation tests).
 */
import type { SiteHandler } from './routing';

const PAGES: Record<string, string> = {
  members: 'Team Members & Groups',
  projects: 'Projects',
  general: 'General',
};

const script = `
const pages = ${JSON.stringify(PAGES)};
function render() {
  const match = location.pathname.match(/\\/settings\\/([^/]+)/);
  const heading = document.createElement('h1');
  heading.textContent = (match && pages[match[1]]) || 'Not found';
  document.getElementById('main').replaceChildren(heading);
}
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-spa]');
  if (!link) return;
  event.preventDefault();
  history.pushState({}, '', link.href);
  render();
});
addEventListener('popstate', render);
render();
`;

export function staticSettingsSite(): SiteHandler {
  return async (request) => {
    const url = new URL(request.url);
    const org = url.pathname.split('/')[2] ?? 'acme';
    const links = Object.entries(PAGES)
      .map(([path, label]) => `<a data-spa href="/analytics/${org}/settings/${path}">${label.replace('&', '&amp;')}</a>`)
      .join(' | ');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Settings</title></head>
<body><nav aria-label="Organization settings">${links}</nav><main id="main"></main><script>${script}</script></body></html>`;
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
  };
}
