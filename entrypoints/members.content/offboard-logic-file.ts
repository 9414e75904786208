/**
 * The offboarding dialog and tools are their own file (entrypoints/offboard-logic.ts), loaded into
 * the content script's own world once, on demand, like the bulk-invite file (invite-logic-file.ts):
 * importing it runs it, and it leaves its functions on the isolated world's global.
 */
import { browser } from 'wxt/browser';
import type { OffboardDialogProps } from '@/components/OffboardDialog';
import type { createOffboardJob, offboardJobCounts } from '@/utils/offboard/job';
import type { offboardReads, pageOffboardRunner } from '@/utils/offboard/page-run';
import type { offboardTemplateCsv } from '@/utils/offboard/parse';
import type { offboardResultsCsv, offboardResultsFileName } from '@/utils/offboard/results-csv';
import { t } from '@/utils/i18n';

export const OFFBOARD_LOGIC_GLOBAL = '__adminLensOffboardLogic';
export const OFFBOARD_LOGIC_FILE = '/offboard-logic.js';

export interface OffboardLogic {
  createOffboardJob: typeof createOffboardJob;
  offboardJobCounts: typeof offboardJobCounts;
  pageOffboardRunner: typeof pageOffboardRunner;
  offboardReads: typeof offboardReads;
  offboardTemplateCsv: typeof offboardTemplateCsv;
  offboardResultsCsv: typeof offboardResultsCsv;
  offboardResultsFileName: typeof offboardResultsFileName;
  mountDialog(host: HTMLElement, props: OffboardDialogProps): { update(props: OffboardDialogProps): void; unmount(): void };
}

let loading: Promise<OffboardLogic> | null = null;

export function loadOffboardLogic(): Promise<OffboardLogic> {
  loading ??= (async () => {
    const url = browser.runtime.getURL(OFFBOARD_LOGIC_FILE as '/offboard-logic.js');
    await import(/* @vite-ignore */ url);
    const logic = (globalThis as Record<string, unknown>)[OFFBOARD_LOGIC_GLOBAL] as OffboardLogic | undefined;
    if (!logic) throw new Error(t('obLoadFailed', { file: OFFBOARD_LOGIC_FILE }));
    return logic;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
