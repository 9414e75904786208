/**
 * The console double as one request handler: the data endpoint, the built single-page app, and
 * the test control API. Used by Playwright's routing at the real Amplitude address, by the local
 * server (cli.ts) and by `npm run demo`. Any host is served the same way.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SESSION_COOKIE } from '../shared/operations';
import type { SeedInput } from '../shared/seed';
import { Backend } from './backend';
import { handleControl, CONTROL_PREFIX } from './http/control-api';
import { readSessionToken, sessionSetCookie } from './http/cookies';
import { handleGraphql, isGraphqlPath } from './http/graphql-route';
import { lowercaseHeaders, text, type DoubleRequest, type DoubleResponse } from './http/messages';
import { distFile, isAssetPath, serveFile, serveIndex } from './http/static-files';
import { landmarksMetaTag } from '../shared/landmarks';
import { markupMetaTag } from '../shared/markup';

export type { DoubleRequest, DoubleResponse } from './http/messages';
export { Backend } from './backend';

export interface ConsoleDouble {
  handle(request: DoubleRequest): Promise<DoubleResponse>;
  backend: Backend;
  /** A valid session cookie for the signed-in member (for a browser context or a fetch). */
  sessionCookie(): { name: string; value: string };
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// ADMIN_LENS_CONSOLE_DIST: a separate build of the page, so parallel work does not clobber test/console/dist.
export const DEFAULT_DIST_DIR = process.env.ADMIN_LENS_CONSOLE_DIST ? path.resolve(process.env.ADMIN_LENS_CONSOLE_DIST) : path.join(REPO_ROOT, 'test/console/dist');

export function createConsoleDouble(
  options: { seed?: string | SeedInput; distDir?: string; clock?: 'seed' | 'today' } = {},
): ConsoleDouble {
  // In a browser the extension compares dates with the real clock, so the double's `now` is the real
  // moment its seed was loaded (to the millisecond: seeds/rebase.ts).
  const backend = new Backend(options.seed ?? 'demo', options.clock ?? 'today');
  const distDir = options.distDir ? path.resolve(options.distDir) : DEFAULT_DIST_DIR;

  /** A page load: the double plays SSO and signs the browser in when it has no valid session. */
  function page(request: DoubleRequest, url: URL, file: string | null): DoubleResponse {
    const headers: Record<string, string> = {};
    if (backend.sessionMember(readSessionToken(request.headers)) === null) {
      headers['set-cookie'] = sessionSetCookie(backend.issueSession(), url.protocol === 'https:');
    }
    if (file && path.resolve(file) !== path.join(distDir, 'index.html')) return serveFile(file, headers);
    return serveIndex(distDir, headers, landmarksMetaTag(backend.landmarks()) + markupMetaTag(backend.markup()));
  }

  async function handle(raw: DoubleRequest): Promise<DoubleResponse> {
    const request: DoubleRequest = { ...raw, method: raw.method.toUpperCase(), headers: lowercaseHeaders(raw.headers) };
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, `Not an absolute URL: ${request.url}`);
    }
    if (isGraphqlPath(url.pathname)) return handleGraphql(backend, request, url);
    if (url.pathname === CONTROL_PREFIX.slice(0, -1) || url.pathname.startsWith(CONTROL_PREFIX)) return handleControl(backend, request, url);

    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, `${request.method} ${url.pathname}: the double serves pages with GET only.`);
    const response = answerGet(request, url);
    return request.method === 'HEAD' ? { ...response, body: '' } : response;
  }

  function answerGet(request: DoubleRequest, url: URL): DoubleResponse {
    const file = url.pathname === '/' ? null : distFile(distDir, url.pathname);
    if (file) return file.endsWith('.html') ? page(request, url, file) : serveFile(file);
    if (isAssetPath(url.pathname)) return text(404, `Not found: ${url.pathname}`);
    return page(request, url, null);
  }

  return {
    handle,
    backend,
    sessionCookie: () => ({ name: SESSION_COOKIE, value: backend.currentSession() }),
  };
}
