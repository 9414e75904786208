/**
 * The built single-page app (npm run build:console writes test/console/dist): assets by path,
 * index.html for every page path, as a SPA host does.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { text, type DoubleResponse } from './messages';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export const NOT_BUILT_MESSAGE = 'The console double is not built. Run: npm run build:console';

export const contentTypeOf = (file: string): string => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The file in distDir for a URL path, or null (missing, a directory, or outside distDir). */
export function distFile(distDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = path.resolve(distDir, `.${path.posix.normalize(decoded)}`);
  if (file !== distDir && !file.startsWith(distDir + path.sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

export function serveFile(file: string, extraHeaders: Record<string, string> = {}): DoubleResponse {
  return {
    status: 200,
    // no-cache: a rebuilt double is picked up on the next load.
    headers: { 'content-type': contentTypeOf(file), 'cache-control': 'no-cache', ...extraHeaders },
    body: new Uint8Array(readFileSync(file)),
  };
}

/** index.html, or 503 telling how to build it. `head` (e.g. the landmark switch's meta) goes before `</head>`. */
export function serveIndex(distDir: string, extraHeaders: Record<string, string> = {}, head = ''): DoubleResponse {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) return text(503, NOT_BUILT_MESSAGE);
  const html = readFileSync(index, 'utf8');
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', ...extraHeaders }, body: head ? html.replace('</head>', `${head}</head>`) : html };
}

/** Looks like a file request (has an extension, or is under /assets/) rather than a page route. */
export function isAssetPath(pathname: string): boolean {
  return pathname.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(pathname.split('/').pop() ?? '');
}
