/** The three ways a call to the data endpoint can fail, as the page tells them apart. */
import type { ErrorCode, GraphqlError } from '../../shared/operations';

/** HTTP 401: the session cookie is gone or expired. The whole page switches to the sign-in notice. */
export class SessionExpiredError extends Error {
  constructor() {
    super('Your session has expired.');
    this.name = 'SessionExpiredError';
  }
}

/** A 5xx, an unexpected status, or no answer at all (status 0). Worth a retry. */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** HTTP 200 with `errors`: the backend refused the operation. Nothing was changed. */
export class OperationRefused extends Error {
  constructor(readonly errors: GraphqlError[]) {
    super(errors.map((error) => error.message).join(' '));
    this.name = 'OperationRefused';
  }

  has(code: ErrorCode): boolean {
    return this.errors.some((error) => error.extensions.code === code);
  }
}

/** A sentence for a person, whatever went wrong. */
export function describeFailure(error: unknown): string {
  if (error instanceof SessionExpiredError) return 'Your session has expired. Reload to sign in again.';
  if (error instanceof ServerError) {
    return error.status === 0
      ? 'Could not reach Amplitude. Check your connection and try again.'
      : `Something went wrong on our side (HTTP ${error.status}). Try again.`;
  }
  if (error instanceof OperationRefused) return error.message;
  return error instanceof Error ? error.message : String(error);
}
