/**
 * Who the access hygiene report lists for the demo org (test/console/seeds/demo.json), per
 * category, at two pairs of thresholds (inactive days / old-invite days). Checked against the
 * report's logic in utils/hygiene/hygiene-demo.test.ts and in the browser by
 * test/e2e/hygiene-report.spec.ts. Pending invitees are named by their email (the console's way).
 */
import type { HygieneCategory } from '../../utils/hygiene/hygiene-report';

export const DEMO_THRESHOLDS = { '30/30': { inactiveDays: 30, staleInviteDays: 30 }, '90/45': { inactiveDays: 90, staleInviteDays: 45 } } as const;

export const DEMO_EXPECTED: Record<keyof typeof DEMO_THRESHOLDS, Record<HygieneCategory, string[]>> = {
  '30/30': {
    // Daniel Reyes: the other Admin, last active 100 days ago; Jonas Weber 45; Gabriel Costa 200.
    inactive: ['Daniel Reyes', 'Gabriel Costa', 'Jonas Weber'],
    // Zara Ahmed joined and has no last-active date.
    'never-signed-in': ['Zara Ahmed'],
    'old-invite': ['lea.dupont@lumenfield.example', 'ryan.patel@lumenfield.example'],
    'no-access': ['Emma Johansson'],
    'inactive-admin': ['Daniel Reyes'],
    'content-owner': ['Daniel Reyes', 'Gabriel Costa', 'Jonas Weber'],
  },
  '90/45': {
    inactive: ['Daniel Reyes', 'Gabriel Costa'],
    'never-signed-in': ['Zara Ahmed'],
    'old-invite': ['lea.dupont@lumenfield.example'],
    'no-access': ['Emma Johansson'],
    'inactive-admin': ['Daniel Reyes'],
    'content-owner': ['Daniel Reyes', 'Gabriel Costa'],
  },
};
