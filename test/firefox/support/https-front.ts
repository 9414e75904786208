/**
 * HTTPS in front of the console double: a TLS server on 127.0.0.1 (a free port) that decrypts and
 * pipes each connection to the double's plain HTTP server (`startConsoleServer`). Firefox reaches
 * it at the real hostname (firefox.ts: `network.dns.localDomains`, and `network.socket.forcePort`
 * to send port 443 here); the Host header stays app.amplitude.com, so the double sees the page's
 * real origin, https://app.amplitude.com.
 */
import { connect, type AddressInfo, type Socket } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';
import type { Certificate } from './certificate';

export interface HttpsFront {
  port: number;
  close(): Promise<void>;
}

export async function startHttpsFront(options: { certificate: Certificate; targetPort: number }): Promise<HttpsFront> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer({ key: options.certificate.key, cert: options.certificate.cert }, (secure: TLSSocket) => {
    const plain = connect(options.targetPort, '127.0.0.1');
    track(secure);
    track(plain);
    // A reset on either side (Firefox closing a tab, the double shutting down) ends both quietly.
    secure.on('error', () => plain.destroy());
    plain.on('error', () => secure.destroy());
    secure.pipe(plain).pipe(secure);
  });
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
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
