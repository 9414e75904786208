/** The session cookie: read from `cookie`, written with `Set-Cookie`. */
import { SESSION_COOKIE } from '../../shared/operations';

export function readCookie(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

export const readSessionToken = (headers: Record<string, string>): string | null => readCookie(headers.cookie, SESSION_COOKIE);

/** HttpOnly like a real session cookie; Secure only over https, so http://localhost works too. */
export function sessionSetCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
