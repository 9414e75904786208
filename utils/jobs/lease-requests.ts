/**
 * The page side of a job's lease: a request that claims the job (a save, a heartbeat) goes to the
 * background, whose "another runner holds this job" becomes the runner's LeaseLost. Shared by the
 * bulk invite's and the offboarding's runners.
 */
import { BackgroundError } from '../messaging';
import { LeaseLost } from './job-lease';

/**
 * Sends a claiming request. A message lost on its way (the service worker was stopped while it
 * handled it) is sent once more: a save or a renewal by the lease's holder may be repeated
 * harmlessly.
 */
export async function claiming<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request().catch((error: unknown) => {
      if (error instanceof BackgroundError) throw error;
      return request();
    });
  } catch (error) {
    if (error instanceof BackgroundError && error.code === 'held-elsewhere') throw new LeaseLost(error.message);
    throw error;
  }
}
