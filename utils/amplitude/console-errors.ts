/**
 * Why a read from the console failed, in words an admin can act on. Only `server` and `network`
 * failures are worth retrying: the others will answer the same way again.
 */
export type ConsoleErrorKind =
  | 'not-signed-in'
  | 'session-expired'
  | 'forbidden'
  | 'unexpected-shape'
  | 'refused'
  | 'server'
  | 'network';

const ADVICE: Record<ConsoleErrorKind, string> = {
  'not-signed-in': 'Sign in to Amplitude in this tab, then refresh.',
  'session-expired': 'Your Amplitude session has expired. Reload the page to sign in again.',
  forbidden: 'Your Amplitude account may not read this. Ask an org Admin.',
  'unexpected-shape':
    'Amplitude answered in a shape Admin Lens does not know; the console may have changed. Please report it from the popup diagnostics.',
  refused: 'Amplitude refused the request.',
  server: 'Amplitude had a server error. Try again in a moment.',
  network: 'Amplitude could not be reached. Check your connection and try again.',
};

export class ConsoleError extends Error {
  constructor(
    readonly kind: ConsoleErrorKind,
    /** The data operation that failed, e.g. "OrgMembers". */
    readonly operation: string,
    detail: string,
    readonly status?: number,
  ) {
    super(`${operation}: ${detail} ${ADVICE[kind]}`);
    this.name = 'ConsoleError';
  }

  get retryable(): boolean {
    return this.kind === 'server' || this.kind === 'network';
  }
}
