// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseDiagnosticsAnswer } from './answer-schema';
import type { DiagnosticsAnswer } from './protocol';
import { dataSummary, landmarkRows, maskEmails, pageSummary, queryRows, reportText } from './report';

const AT = Date.parse('2025-03-01T10:00:00.000Z');

function answer(overrides: Partial<DiagnosticsAnswer> = {}): DiagnosticsAnswer {
  return {
    isMembersPage: true,
    orgUrl: 'demo-org',
    data: { status: 'ready', readAt: '2025-03-01T09:59:00.000Z', fromCache: false, counts: { members: 24, pending: 6, projects: 8, groups: 5 }, error: null },
    landmarks: {
      'members-heading': 'found',
      'members-tabs': 'found',
      'tab-panel': 'found',
      'users-table': 'found',
      'users-row-identity': 'found',
      'invite-button': 'missing',
      'groups-table': 'not-on-screen',
      'remove-dialog': 'not-on-screen',
      'remove-dialog-list': 'not-on-screen',
      'remove-dialog-people': 'not-on-screen',
      'remove-dialog-confirm': 'not-on-screen',
      'remove-dialog-transfer': 'not-on-screen',
      'invite-wizard': 'not-on-screen',
      'invite-wizard-step': 'not-on-screen',
      'invite-wizard-forward': 'not-on-screen',
    },
    queries: {
      OrgSettings: { operation: 'OrgSettings', ok: true, attempts: 1, at: AT },
      OrgMembers: {
        operation: 'OrgMembers',
        ok: false,
        attempts: 3,
        kind: 'server',
        error: 'OrgMembers: HTTP 503 for maya.okafor@lumenfield.example. Amplitude had a server error.',
        at: AT,
      },
    },
    ...overrides,
  };
}

const input = (a: DiagnosticsAnswer | null) => ({ answer: a, version: '0.1.0', userAgent: 'TestBrowser/1.0', now: '2025-03-01T10:01:00.000Z' });

describe('diagnostics rows', () => {
  it('names a missing landmark with the features it breaks, and says when a landmark only shows in some states', () => {
    const rows = landmarkRows(answer());
    expect(rows.find((row) => row.name === 'Invite New Users button')).toEqual({
      name: 'Invite New Users button',
      status: 'missing',
      detail: 'Not found. Affects: Bulk invite from CSV.',
    });
    expect(rows.find((row) => row.name === 'Groups table')?.detail).toBe('Not on screen now: shown only on the Groups tab.');
    expect(rows.find((row) => row.name === 'Users table')).toMatchObject({ status: 'found', detail: 'Used by: Access badges.' });
  });

  it('says how many user rows show no email or unique name, out of how many', () => {
    const missing = answer({ landmarks: { ...answer().landmarks, 'users-row-identity': 'missing' }, rows: { total: 30, unreadable: 2 } });
    expect(landmarkRows(missing).find((row) => row.name === 'Email or unique name in each user row')).toEqual({
      name: 'Email or unique name in each user row',
      status: 'missing',
      detail: '2 of 30 rows: no email or unique name readable, no badge there. Affects: Access badges.',
    });
    // Without the badges' count (no data yet), the plain wording.
    const plain = answer({ landmarks: { ...answer().landmarks, 'users-row-identity': 'missing' } });
    expect(landmarkRows(plain).find((row) => row.name === 'Email or unique name in each user row')?.detail).toBe('Not found. Affects: Access badges.');
    expect(parseDiagnosticsAnswer(JSON.parse(JSON.stringify(missing)))?.rows).toEqual({ total: 30, unreadable: 2 });
  });

  it('lists every data query: ok, failed with its kind and reason, or not run', () => {
    const rows = queryRows(answer());
    expect(rows.map((row) => [row.name, row.status])).toEqual([
      ['OrgData', 'not-run'],
      ['Users', 'not-run'],
      ['TeamSpaces', 'not-run'],
      ['RbacBatchCheckPermissions', 'not-run'],
      ['GlobalSearch', 'not-run'],
      ['OrgSettings', 'ok'],
      ['TeamsAndSpaces', 'not-run'],
      ['OrgMembers', 'failed'],
      ['PermissionGroups', 'not-run'],
      ['RoleDefinitions', 'not-run'],
    ]);
    expect(rows[7]?.detail).toBe('Failed at 2025-03-01T10:00:00.000Z (3 attempts), server: OrgMembers: HTTP 503 for [email]. Amplitude had a server error.');
  });

  it('summarises the page and the data', () => {
    expect(pageSummary(null)).toBe('This tab is not an Amplitude page Admin Lens runs on.');
    expect(pageSummary(answer({ isMembersPage: false, data: null }))).toBe('This is an Amplitude page, but not Members & Groups.');
    expect(dataSummary(answer())).toBe('Ready, as of 2025-03-01T09:59:00.000Z: 24 members, 6 pending, 8 projects, 5 groups.');
    expect(dataSummary(answer({ data: { status: 'loading', readAt: null, fromCache: false, counts: null, error: null } }))).toBe('Loading.');
  });
});

describe('reportText', () => {
  it('is a plain-text report with versions, statuses and landmark names', () => {
    const text = reportText(input(answer()));
    expect(text).toContain('Extension version: 0.1.0\nBrowser: TestBrowser/1.0\nPage: This is a Members & Groups page.\n');
    expect(text).toContain('- MISSING: Invite New Users button. Not found. Affects: Bulk invite from CSV.');
    expect(text).toContain('- found: Users table.');
    expect(text).toContain('- not on screen now: Groups table.');
    expect(text).toContain('- ok: OrgSettings.');
    expect(text).toContain('- FAILED: OrgMembers.');
    expect(text).toContain('- not run: PermissionGroups.');
  });

  it('holds no email address and no org name, even when an error text has one', () => {
    const withError = answer({ data: { ...answer().data!, status: 'error', error: 'Refused for daniel.reyes@lumenfield.example.' } });
    const text = reportText(input(withError));
    expect(text).toContain('Data error: Refused for [email].');
    expect(text).not.toMatch(/@/);
    expect(text).not.toContain('demo-org');
  });

  it('says so when the tab is not an Amplitude page, with no lists', () => {
    const text = reportText(input(null));
    expect(text).toContain('Page: This tab is not an Amplitude page Admin Lens runs on.');
    expect(text).not.toContain('Landmarks:');
  });
});

describe('maskEmails and the answer schema', () => {
  it('masks addresses and leaves other text', () => {
    expect(maskEmails('a b@c.de, x')).toBe('a [email], x');
  });

  it('accepts a content script answer and refuses a malformed one', () => {
    expect(parseDiagnosticsAnswer(JSON.parse(JSON.stringify(answer())))).not.toBeNull();
    expect(parseDiagnosticsAnswer({ ...answer(), landmarks: { 'users-table': 'gone' } })).toBeNull();
    expect(parseDiagnosticsAnswer(undefined)).toBeNull();
  });
});

describe('data status when part of the org was not readable', () => {
  it('says the groups count is unknown and names what was not read', () => {
    const partial = answer({
      data: {
        status: 'ready',
        readAt: '2025-03-01T09:59:00.000Z',
        fromCache: false,
        counts: { members: 24, pending: 6, projects: 8, groups: null },
        error: null,
        unread: 'Not readable on this console: permission groups.',
      },
    });
    expect(dataSummary(partial)).toBe('Ready, as of 2025-03-01T09:59:00.000Z: 24 members, 6 pending, 8 projects, unknown groups. Not readable on this console: permission groups.');
    expect(parseDiagnosticsAnswer(JSON.parse(JSON.stringify(partial)))?.data).toMatchObject({ counts: { groups: null }, unread: 'Not readable on this console: permission groups.' });
  });
});
