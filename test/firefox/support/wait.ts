/** Bounded waiting: every wait in the Firefox smoke test ends, and says what it waited for. */

export const DEFAULT_WAIT_MS = 15_000;
const POLL_MS = 100;

/**
 * Calls `probe` until it returns something other than undefined/null/false, and returns that.
 * After `timeoutMs` it throws, naming `what` and the last thing `probe` saw (through `describeLast`).
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  options: { timeoutMs?: number; describeLast?: () => Promise<string> | string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
      lastError = undefined;
    } catch (error) {
      // The page may be navigating or re-rendering; try again until the deadline.
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const last = options.describeLast ? await Promise.resolve(options.describeLast()).catch(() => '(could not describe)') : '';
  const cause = lastError instanceof Error ? ` Last error: ${lastError.message}` : '';
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.${last ? ` Last seen: ${last}` : ''}${cause}`);
}
