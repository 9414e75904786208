/**
 * Settles the removals of this org whose outcome is not known yet (utils/audit/settle.ts): after
 * every fresh read of the org in this page, the audit entries still pending are checked against it.
 * One pass at a time; a read that lands during a pass gets a pass of its own after it.
 */
import { membershipOf, settledOutcome } from '@/utils/audit/settle';
import { sendRequest } from '@/utils/messaging';
import type { OrgData, OrgDataState } from './org-data';

/** Every name the audit log may have recorded this org under: the address's, the org's url, its id. */
function orgNames(state: OrgDataState, addressOrgUrl: string): string[] {
  const org = state.snapshot?.org;
  return [...new Set([addressOrgUrl, ...(org ? [org.url, `org/${org.id}`] : [])])];
}

export function settleUnsettledRemovals(orgData: OrgData, addressOrgUrl: string, signal: AbortSignal): void {
  let checkedRead: number | null = null;
  let running = false;
  let again = false;

  const pass = async (state: OrgDataState, readStartedAt: number) => {
    const snapshot = state.snapshot;
    if (!snapshot) return;
    const { entries } = await sendRequest({ type: 'audit-unsettled', orgUrls: orgNames(state, addressOrgUrl) });
    const membership = membershipOf(snapshot.members);
    for (const entry of entries) {
      if (signal.aborted) return;
      const outcome = settledOutcome(entry, membership, readStartedAt);
      if (outcome) await sendRequest({ type: 'audit-update-outcome', id: entry.id, outcome, onlyIfPending: true });
    }
  };

  const onState = (state: OrgDataState) => {
    const readStartedAt = state.readStartedAt;
    if (state.status !== 'ready' || state.fromCache || !state.snapshot || typeof readStartedAt !== 'number' || readStartedAt === checkedRead) return;
    if (running) {
      again = true;
      return;
    }
    checkedRead = readStartedAt;
    running = true;
    void pass(state, readStartedAt)
      .catch((error: unknown) => console.warn('[Admin Lens] could not settle earlier removals', error))
      .finally(() => {
        running = false;
        if (again && !signal.aborted) {
          again = false;
          onState(orgData.get());
        }
      });
  };

  const unsubscribe = orgData.subscribe(onState);
  signal.addEventListener('abort', unsubscribe, { once: true });
}
