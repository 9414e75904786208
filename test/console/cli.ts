/**
 * `npm run console`: the console double alone on http://localhost, for exploring by hand.
 *
 *   npm run console                           demo org on port 4173
 *   npm run console -- --port 5000 --seed org-level
 *   npm run console -- --seed ./my-org.json   any seed file (format: shared/seed.ts, README.md)
 *   npm run console -- --markup aria-grid     the page in another markup variant (shared/markup.ts)
 *
 * `startConsoleServer` is exported so scripts can run the same server.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { SeedInput } from './shared/seed';
import { MARKUP_VARIANT_NAMES, type MarkupRequest, type MarkupVariant } from './shared/markup';
import { createConsoleDouble, DEFAULT_DIST_DIR, type ConsoleDouble, type DoubleRequest } from './server/double';

export interface ConsoleServer {
  /** The Members & Groups page, e.g. http://localhost:4173/analytics/demo-org/settings/members */
  url: string;
  /** e.g. http://localhost:4173 */
  origin: string;
  /** e.g. http://localhost:4173/__double/ */
  controlUrl: string;
  port: number;
  double: ConsoleDouble;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : null;
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Serves the double on 127.0.0.1. Port 0 picks a free port. */
export async function startConsoleServer(options: { port?: number; seed?: string | SeedInput; distDir?: string; markup?: MarkupRequest } = {}): Promise<ConsoleServer> {
  const double = createConsoleDouble({ seed: options.seed ?? 'demo', distDir: options.distDir });
  if (options.markup !== undefined) double.backend.setMarkup(options.markup);
  const server = createServer((request, response) => {
    void (async () => {
      try {
        const doubleRequest: DoubleRequest = {
          method: request.method ?? 'GET',
          url: `http://${request.headers.host ?? '127.0.0.1'}${request.url ?? '/'}`,
          headers: flatHeaders(request),
          body: await readBody(request),
        };
        const answer = await double.handle(doubleRequest);
        if (answer.dropConnection) {
          response.socket?.destroy();
          return;
        }
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
      } catch (error) {
        console.error(error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`The console double failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4173, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://localhost:${port}`;
  return {
    url: `${origin}/analytics/${double.backend.org().url}/settings/members`,
    origin,
    controlUrl: `${origin}/__double/`,
    port,
    double,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A `--markup` value: one of the named variants. */
export function markupVariantArg(value: string): MarkupVariant {
  if (!(MARKUP_VARIANT_NAMES as string[]).includes(value)) throw new Error(`--markup: not a variant: ${value} (one of ${MARKUP_VARIANT_NAMES.join(', ')})`);
  return value as MarkupVariant;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4173' }, seed: { type: 'string', default: 'demo' }, markup: { type: 'string', default: 'default' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  const markup = markupVariantArg(values.markup);
  const server = await startConsoleServer({ port, seed: values.seed, markup });
  const org = server.double.backend.org();
  console.log(`Console double: ${org.name} (seed "${values.seed}", org ${org.id}, markup "${markup}")`);
  console.log(`  Members & Groups: ${server.url}`);
  console.log(`  Control API:      ${server.controlUrl}  (GET it for the routes)`);
  if (!existsSync(path.join(DEFAULT_DIST_DIR, 'index.html'))) {
    console.log('  The page is not built yet, so pages answer 503. Run: npm run build:console');
  }
  const shutdown = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
