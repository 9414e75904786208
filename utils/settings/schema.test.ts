// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './defaults';
import { parseSettingsFile, settingsFile, validateSettings } from './schema';

const file = (body: unknown) => JSON.stringify(body);

describe('validateSettings', () => {
  it('accepts the defaults and a changed copy', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    const changed = { ...DEFAULT_SETTINGS, tooManyAdminsThreshold: 5, auditRetentionDays: 90, regions: { ...DEFAULT_SETTINGS.regions, 'app.eu.amplitude.com': false } };
    expect(validateSettings(changed)).toEqual({ ok: true, settings: changed });
  });

  it('names each bad field with a message a person can act on', () => {
    const result = validateSettings({ ...DEFAULT_SETTINGS, tooManyAdminsThreshold: 0, staleInviteDays: 2.5, inviteBatchSize: 11, auditRetentionDays: 45, snapshotRetentionDays: 365 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      tooManyAdminsThreshold: 'Enter at least 1.',
      staleInviteDays: 'Enter a whole number.',
      inviteBatchSize: 'Enter at most 10.',
      auditRetentionDays: 'Choose one of forever (null), 30 days, 90 days, 180 days, 365 days.',
      snapshotRetentionDays: 'Choose one of 7 days, 14 days, 30 days, 90 days.',
    });
    expect(result.messages).toContain('Invite batch size: Enter at most 10.');
  });

  it('refuses unknown features and regions and non-boolean switches', () => {
    const result = validateSettings({ ...DEFAULT_SETTINGS, features: { ...DEFAULT_SETTINGS.features, 'dark-mode': true }, regions: { ...DEFAULT_SETTINGS.regions, 'app.amplitude.com': 'yes' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.messages).toEqual(
      expect.arrayContaining(['Features: Unknown setting: dark-mode.', 'Active Amplitude regions › app.amplitude.com: Must be on or off (true or false).']),
    );
  });
});

describe('settings files', () => {
  it('an exported file imports back to the same settings', () => {
    const settings = { ...DEFAULT_SETTINGS, staleInviteDays: 30, features: { ...DEFAULT_SETTINGS.features, 'access-badges': false } };
    const text = settingsFile(settings, new Date('2026-03-01T10:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({ format: 'admin-lens-settings', version: 4, exportedAt: '2026-03-01T10:00:00.000Z' });
    expect(parseSettingsFile(text)).toEqual({ ok: true, settings });
  });

  it('an older version is migrated', () => {
    expect(parseSettingsFile(file({ format: 'admin-lens-settings', version: 1, settings: { auditRetentionDays: 90 } }))).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, auditRetentionDays: 90 },
    });
  });

  it('a version-2 file gets the snapshot retention, and its "forever" (the old default) becomes the finite default', () => {
    const { snapshotRetentionDays: _added, ...v2 } = { ...DEFAULT_SETTINGS, inviteBatchSize: 4 };
    expect(parseSettingsFile(file({ format: 'admin-lens-settings', version: 2, settings: { ...v2, auditRetentionDays: null } }))).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, inviteBatchSize: 4, auditRetentionDays: 365, snapshotRetentionDays: 30 },
    });
    // A version-3 file keeps "forever": by then it can only have been chosen.
    expect(parseSettingsFile(file({ format: 'admin-lens-settings', version: 3, settings: { ...DEFAULT_SETTINGS, auditRetentionDays: null } }))).toMatchObject({
      ok: true,
      settings: { auditRetentionDays: null },
    });
  });

  it.each([
    ['not JSON', '{ nope', /^This file is not JSON \(/],
    ['another JSON file', file({ members: [] }), /^This is not an Admin Lens settings file/],
    ['a newer version', file({ format: 'admin-lens-settings', version: 5, settings: {} }), /made by a newer Admin Lens \(settings version 5; this one reads up to 4\)/],
    [
      'bad values',
      file({ format: 'admin-lens-settings', version: 2, settings: { ...DEFAULT_SETTINGS, inviteBatchSize: 25 } }),
      /^The file's settings are not valid: Invite batch size: Enter at most 10\.$/,
    ],
    ['missing settings', file({ format: 'admin-lens-settings', version: 2, settings: { inviteBatchSize: 5 } }), /Too many Admins: Enter a number\./],
  ])('refuses %s with a clear reason', (_name, text, reason) => {
    const result = parseSettingsFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });
});
