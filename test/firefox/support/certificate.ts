/**
 * A throwaway self-signed certificate for app.amplitude.com, made with `openssl` at test time (no
 * key or certificate is ever committed). Firefox is told to accept it (`acceptInsecureCerts`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Certificate {
  key: Buffer;
  cert: Buffer;
}

export function selfSignedCertificate(hostname: string): Certificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'admin-lens-firefox-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    try {
      // An EC key: made in milliseconds, unlike RSA. One day is all a test run needs.
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
          '-subj', `/CN=${hostname}`, '-addext', `subjectAltName=DNS:${hostname}`, '-keyout', keyFile, '-out', certFile],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`Could not make a self-signed certificate with openssl (is it installed? apt-get install openssl): ${detail}`);
    }
    return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
