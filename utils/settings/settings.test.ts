// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_MAX_ADMINS, DEFAULT_STALE_INVITE_DAYS } from '@/utils/access/findings';
import { DEFAULT_SETTINGS, FEATURE_IDS, REGION_HOSTS, withDefaults, type Settings } from './defaults';
import { createSettingsStore, defineSettingsItem, SETTINGS_VERSION } from './storage';
import { getInviteBatchSize, readSettings, watchSettings, type StoredSettings } from './read';

const stored = async () => browser.storage.local.get(null);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('defaults', () => {
  it('take the engine’s thresholds, the largest invite batch, keep the audit log a year and snapshots 30 days, and switch everything on', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      tooManyAdminsThreshold: DEFAULT_MAX_ADMINS,
      staleInviteDays: DEFAULT_STALE_INVITE_DAYS,
      inactiveDays: 90,
      inviteBatchSize: 10,
      auditRetentionDays: 365,
      snapshotRetentionDays: 30,
      regions: { 'app.amplitude.com': true, 'app.eu.amplitude.com': true, 'analytics.amplitude.com': true },
      features: {
        'removal-guard': true,
        'admin-lens-chip': true,
        'access-badges': true,
        'access-summary': true,
        'groups-escalation': true,
        'bulk-invite-panel': true,
        offboarding: true,
        'email-change': true,
      },
    });
    expect(DEFAULT_MAX_ADMINS).toBe(3);
    expect(DEFAULT_STALE_INVITE_DAYS).toBe(14);
  });

  it('withDefaults keeps valid fields and replaces missing or malformed ones with their default', () => {
    const read = withDefaults({
      tooManyAdminsThreshold: 5,
      staleInviteDays: 'soon',
      inviteBatchSize: 50,
      auditRetentionDays: 90,
      regions: { 'app.eu.amplitude.com': false, 'example.com': true },
      features: { 'access-badges': false, 'removal-guard': 'no' },
    });
    expect(read.tooManyAdminsThreshold).toBe(5);
    expect(read.staleInviteDays).toBe(14);
    expect(read.inviteBatchSize).toBe(10);
    expect(read.auditRetentionDays).toBe(90);
    expect(read.regions).toEqual({ 'app.amplitude.com': true, 'app.eu.amplitude.com': false, 'analytics.amplitude.com': true });
    expect(read.features['access-badges']).toBe(false);
    expect(read.features['removal-guard']).toBe(true);
    expect(withDefaults(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ auditRetentionDays: -3, inviteBatchSize: 0, snapshotRetentionDays: 'soon' })).toMatchObject({ auditRetentionDays: 365, inviteBatchSize: 10, snapshotRetentionDays: 30 });
    // "Forever" is a choice, kept as such; only a missing or malformed retention is the default.
    expect(withDefaults({ auditRetentionDays: null }).auditRetentionDays).toBeNull();
  });

  it('regions are the hosts of utils/amplitude/hosts.ts; features the ids of the content script', async () => {
    const { AMPLITUDE_ORIGINS } = await import('@/utils/amplitude/hosts');
    expect(REGION_HOSTS).toEqual(AMPLITUDE_ORIGINS.map((origin) => new URL(origin).host));
    expect(FEATURE_IDS).toHaveLength(8);
  });
});

describe('storage and migration', () => {
  it('a fresh install reads the defaults and stores them at the current version', async () => {
    const store = createSettingsStore(defineSettingsItem());
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
    expect(await stored()).toEqual({ settings: DEFAULT_SETTINGS, settings$: { v: SETTINGS_VERSION } });
  });

  it('version 1 (the separate local:auditRetentionDays item) is folded in: the retention survives, the old item goes', async () => {
    await browser.storage.local.set({ auditRetentionDays: 90 });
    const store = createSettingsStore(defineSettingsItem());
    expect(await store.load()).toEqual({ ...DEFAULT_SETTINGS, auditRetentionDays: 90 });
    const after = await stored();
    expect(after).not.toHaveProperty('auditRetentionDays');
    expect(after.settings).toEqual({ ...DEFAULT_SETTINGS, auditRetentionDays: 90 });
    expect(after['settings$']).toEqual({ v: SETTINGS_VERSION });
  });

  it('a version-1 value stored under local:settings is migrated by WXT’s versioned item', async () => {
    await browser.storage.local.set({ settings: { auditRetentionDays: 180 }, settings$: { v: 1 } });
    const store = createSettingsStore(defineSettingsItem());
    expect(await store.load()).toEqual({ ...DEFAULT_SETTINGS, auditRetentionDays: 180 });
    expect(await stored()).toEqual({ settings: { ...DEFAULT_SETTINGS, auditRetentionDays: 180 }, settings$: { v: SETTINGS_VERSION } });
  });

  it('version 2 to 3: the stored "forever" every install had by default becomes a year, a chosen retention stays, snapshots get 30 days', async () => {
    const { snapshotRetentionDays: _added, ...v2 } = DEFAULT_SETTINGS;
    await browser.storage.local.set({ settings: { ...v2, auditRetentionDays: null, staleInviteDays: 20 }, settings$: { v: 2 } });
    expect(await createSettingsStore(defineSettingsItem()).load()).toEqual({ ...DEFAULT_SETTINGS, staleInviteDays: 20, auditRetentionDays: 365, snapshotRetentionDays: 30 });
    fakeBrowser.reset();
    await browser.storage.local.set({ settings: { ...v2, auditRetentionDays: 90 }, settings$: { v: 2 } });
    expect(await createSettingsStore(defineSettingsItem()).load()).toMatchObject({ auditRetentionDays: 90, snapshotRetentionDays: 30 });
  });

  it('version 3 to 4: the hygiene report\'s inactive-days threshold is added at its default (90), the rest stays', async () => {
    const { inactiveDays: _added, ...v3 } = DEFAULT_SETTINGS;
    await browser.storage.local.set({ settings: { ...v3, staleInviteDays: 30 }, settings$: { v: 3 } });
    expect(await createSettingsStore(defineSettingsItem()).load()).toEqual({ ...DEFAULT_SETTINGS, staleInviteDays: 30, inactiveDays: 90 });
    expect(await stored()).toMatchObject({ settings: { staleInviteDays: 30, inactiveDays: 90 }, settings$: { v: 4 } });
  });

  it('a current value is left as stored; fields added later read as their defaults', async () => {
    const partial = { tooManyAdminsThreshold: 6, features: { 'access-badges': false } };
    await browser.storage.local.set({ settings: partial, settings$: { v: SETTINGS_VERSION } });
    const store = createSettingsStore(defineSettingsItem());
    const loaded = await store.load();
    expect(loaded.tooManyAdminsThreshold).toBe(6);
    expect(loaded.features).toEqual({ ...DEFAULT_SETTINGS.features, 'access-badges': false });
    expect((await stored()).settings).toEqual(partial);
  });

  it('save, update and reset round-trip through storage; the content script’s reader sees them and is told of changes', async () => {
    const store = createSettingsStore(defineSettingsItem());
    const seen: StoredSettings[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings));
    await store.update({ inviteBatchSize: 4, features: { ...DEFAULT_SETTINGS.features, 'access-summary': false } });
    expect(await getInviteBatchSize()).toBe(4);
    expect((await readSettings()).features?.['access-summary']).toBe(false);
    expect(seen.at(-1)?.features?.['access-summary']).toBe(false);
    await store.reset();
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(seen.at(-1)).toEqual(DEFAULT_SETTINGS);
    unwatch();
  });

  it('the content script’s reader needs no defaults table: nothing stored reads as {}, a bad batch size as 10', async () => {
    expect(await readSettings()).toEqual({});
    expect(await getInviteBatchSize()).toBe(10);
    await browser.storage.local.set({ settings: { inviteBatchSize: 40 } });
    expect(await getInviteBatchSize()).toBe(10);
    await browser.storage.local.set({ settings: { inviteBatchSize: 3 } });
    expect(await getInviteBatchSize()).toBe(3);
  });

  it('settings know no feature: nothing in utils/settings imports the audit log, invites or the pages', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const dir = path.resolve(__dirname);
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))) {
      const imports = [...readFileSync(path.join(dir, name), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      expect(imports.filter((from) => /utils\/(audit|invite|features)|entrypoints|components/.test(from ?? '')), name).toEqual([]);
    }
  });

  it('the audit log’s retention reads and writes the settings', async () => {
    const { auditRetentionDays } = await import('@/utils/audit/retention');
    await auditRetentionDays.setValue(30);
    expect((await readSettings()).auditRetentionDays).toBe(30);
    expect(await auditRetentionDays.getValue()).toBe(30);
  });
});
