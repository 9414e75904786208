/**
 * The console double served over HTTPS on 127.0.0.1 (a free port), the way Firefox reaches it at
 * the real address (firefox.ts: `network.dns.localDomains`, and `network.socket.forcePort` to send
 * port 443 here). Each request goes to `double.handle` addressed as https://<Host header>/..., so
 * the double's Origin check compares the page's real origin, https://app.amplitude.com.
 * (`startConsoleServer` in test/console/cli.ts speaks plain HTTP: its requests are addressed
 * http://..., which that check rightly refuses for an https page.)
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ConsoleDouble } from '../../console/server/double';
import type { Certificate } from './certificate';

export interface HttpsDouble {
  port: number;
  close(): Promise<void>;
}

/** Node gives repeated headers as arrays; the double takes one string per name. */
function singleValued(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
  );
}

async function bodyText(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? null : Buffer.concat(chunks).toString('utf8');
}

async function answer(double: ConsoleDouble, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const reply = await double.handle({
      method: request.method ?? 'GET',
      url: `https://${request.headers.host ?? 'app.amplitude.com'}${request.url ?? '/'}`,
      headers: singleValued(request.headers),
      body: await bodyText(request),
    });
    if (reply.dropConnection) {
      response.socket?.destroy();
      return;
    }
    response.writeHead(reply.status, reply.headers).end(reply.body);
  } catch (error) {
    // Said in the test's output: a broken double must not look like a broken extension.
    console.error('The console double failed:', error);
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(`The console double failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function serveDoubleOverHttps(double: ConsoleDouble, certificate: Certificate): Promise<HttpsDouble> {
  const server = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => void answer(double, request, response));
  // Handshake failures (a probe without TLS) concern that connection only.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Port 0: a free port, so parallel runs never clash and no privileged port is needed.
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
