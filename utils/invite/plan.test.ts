// @vitest-environment node
import { parseInviteCsv } from './parse';
import { planBatches, settingsKey } from './plan';
import { demoSnapshot } from './test-fixture';
import { validateInvites } from './validate';

const HEADER = 'email,team,groups,projects,default_project';
const validate = (lines: string[]) => validateInvites(parseInviteCsv([HEADER, ...lines].join('\n')), demoSnapshot()).rows;

describe('planBatches', () => {
  it('groups rows with the same settings, letting the team differ, at most N per batch, in a stable order', () => {
    const lines = Array.from({ length: 25 }, (_, i) => `a${i}@example.com,${i % 2 ? 'Data' : 'Sales'},Sales Viewers,,`);
    lines.splice(3, 0, 'b0@example.com,Data,,iOS App:Viewer,', 'b1@example.com,Sales,,iOS App:Viewer,');
    const plan = planBatches(validate(lines));
    expect(plan.batches.map((batch) => [batch.id, batch.invites.length])).toEqual([
      ['b1', 10],
      ['b2', 10],
      ['b3', 5],
      ['b4', 2],
    ]);
    expect(plan.batches[0]!.invites.slice(0, 4).map((invite) => invite.email)).toEqual(['a0@example.com', 'a1@example.com', 'a2@example.com', 'a3@example.com']);
    expect(plan.batches[0]!.invites.slice(0, 2).map((invite) => invite.teamId)).toEqual(['t-sales', 't-data']);
    expect(plan.batches[3]!.invites.map((invite) => [invite.row, invite.teamId])).toEqual([
      [4, 't-data'],
      [5, 't-sales'],
    ]);
    expect(plan.batches[3]!.settings).toEqual({ groupIds: [], projectRoles: [{ projectId: 'p-3', role: 'viewer' }], orgRole: 'user', defaultProjectId: null, teamSpaceIds: [] });
    expect(plan.counts).toEqual({ toInvite: 27, skip: 0, invalid: 0, batches: 4 });
  });

  it('honours the batch size setting', () => {
    const lines = Array.from({ length: 7 }, (_, i) => `a${i}@example.com,Data,Sales Viewers,,`);
    expect(planBatches(validate(lines), { batchSize: 3 }).batches.map((batch) => batch.invites.length)).toEqual([3, 3, 1]);
    expect(planBatches(validate(lines), { batchSize: 1 }).batches).toHaveLength(7);
  });

  it('keeps rows apart when any shared setting differs', () => {
    const plan = planBatches(
      validate([
        'a@example.com,Data,Sales Viewers,,',
        'b@example.com,Data,Sales Viewers,,Web App (Production)',
        'c@example.com,Data,Sales Viewers,iOS App:Viewer,',
        'd@example.com,Data,Sales Viewers,iOS App:Member,',
        'e@example.com,Data,"Sales Viewers;Data Platform",,',
      ]),
    );
    expect(plan.batches).toHaveLength(5);
  });

  it('treats group and project order as the same settings', () => {
    const plan = planBatches(
      validate(['a@example.com,Data,"Sales Viewers;Data Platform","iOS App:Viewer;Android App:Member",', 'b@example.com,Sales,"data platform;sales viewers","Android App:Member;iOS App:Viewer",']),
    );
    expect(plan.batches).toHaveLength(1);
    expect(settingsKey(plan.batches[0]!.settings)).toBe(
      settingsKey({ groupIds: ['g-5', 'g-4'], projectRoles: [{ projectId: 'p-4', role: 'member' }, { projectId: 'p-3', role: 'viewer' }], orgRole: 'user', defaultProjectId: null, teamSpaceIds: [] }),
    );
  });

  it('skips members and pending invites with their reason and leaves invalid rows out', () => {
    const plan = planBatches(validate(['grace.liu@lumenfield.example,,,,', 'ryan.patel@lumenfield.example,,,,', 'bad-email,Data,Sales Viewers,,', 'new@example.com,Data,Sales Viewers,,']));
    expect(plan.skipped.map((skip) => [skip.row, skip.reason.slice(0, 16)])).toEqual([
      [1, 'Already a member'],
      [2, 'Already invited '],
    ]);
    expect(plan.invalid.map((row) => [row.row, row.errors[0]!.column])).toEqual([[3, 'email']]);
    expect(plan.counts).toEqual({ toInvite: 1, skip: 2, invalid: 1, batches: 1 });
  });

  it('gives each batch its own copy of the settings (safe to store and edit)', () => {
    const lines = Array.from({ length: 4 }, (_, i) => `a${i}@example.com,Data,Sales Viewers,,`);
    const plan = planBatches(validate(lines), { batchSize: 2 });
    expect(plan.batches[0]!.settings).toEqual(plan.batches[1]!.settings);
    expect(plan.batches[0]!.settings).not.toBe(plan.batches[1]!.settings);
  });
});
