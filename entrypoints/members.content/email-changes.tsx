/**
 * Change of email (issue 18), the Members page's light part: asks the background whether this org
 * has changes under way (then loads the change-of-email file at once, so each is re-read: pending,
 * joined, active), and answers "Change email…" (email-change-opener.ts) by loading it on demand.
 * The file (entrypoints/email-change.ts) holds everything else.
 */
import type { Feature } from '@/utils/features/registry';
import { findMembersHeading } from '@/utils/amplitude/page';
import { sendRequest } from '@/utils/messaging';
import type { MembersContext } from './context';
import { loadEmailChange } from './email-change-file';
import { setEmailChangeOpener } from './email-change-opener';

const TERMINAL = new Set(['refused', 'done', 'cancelled']);

export const emailChanges: Feature<MembersContext> = {
  id: 'email-change',
  // Shows no findings: a threshold change never stops a step under way.
  usesThresholds: false,
  async init({ page, orgData }, signal) {
    let controller: Promise<{ open(email: string): void }> | null = null;
    const start = () =>
      (controller ??= loadEmailChange().then((file) =>
        file.start({
          orgData,
          orgUrl: page.location.orgUrl,
          origin: location.origin,
          signal,
          // [guess via page.ts] Above the Users list: right after the page's heading.
          listAnchor: () => findMembersHeading(),
        }),
      ));
    signal.addEventListener('abort', setEmailChangeOpener((email) => void start().then((started) => started.open(email))), { once: true });
    const { changes } = await sendRequest({ type: 'email-change-list', orgUrl: page.location.orgUrl });
    if (!signal.aborted && changes.some((change) => !TERMINAL.has(change.step.kind))) await start();
  },
};
