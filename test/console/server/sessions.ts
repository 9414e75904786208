/**
 * Session tokens behind the `amp_session` cookie. The double pretends SSO signed the browser in:
 * each token belongs to one member, and is valid while that member is in the org and joined.
 * Tokens carry a counter that never restarts, so a token from before a reset can never be reissued.
 */
import { stream, type Random } from './random';

export class Sessions {
  private readonly tokens = new Map<string, string>();
  private counter = 0;
  private random: Random;

  constructor(orgId: number) {
    this.random = stream(orgId, 'sessions');
  }

  /** Forgets every token (reset, sign-in as someone else, the session-expired fault). */
  expireAll(orgId?: number): void {
    this.tokens.clear();
    if (orgId !== undefined) this.random = stream(orgId, 'sessions');
  }

  issue(memberId: string): string {
    this.counter += 1;
    const noise = Math.floor(this.random() * 2 ** 32).toString(16).padStart(8, '0');
    const token = `s${this.counter.toString(36)}.${noise}`;
    this.tokens.set(token, memberId);
    return token;
  }

  /** The member a token was issued to, or null for an unknown or expired token. */
  memberOf(token: string): string | null {
    return this.tokens.get(token) ?? null;
  }

  /** The newest token of a member, if any is still valid. */
  latestFor(memberId: string): string | null {
    let latest: string | null = null;
    for (const [token, owner] of this.tokens) if (owner === memberId) latest = token;
    return latest;
  }
}
