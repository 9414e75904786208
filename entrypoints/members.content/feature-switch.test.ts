import { describe, expect, it, vi } from 'vitest';
import type { Feature } from '@/utils/features/registry';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/defaults';
import { featureSwitch } from './feature-switch';

interface Ctx {
  options: unknown;
  signal: AbortSignal;
}

/** A feature that records whether it is running (started and its signal not aborted). */
function fake(id: string) {
  const signals: AbortSignal[] = [];
  const contexts: Ctx[] = [];
  const feature: Feature<Ctx> = {
    id,
    init(context, signal) {
      signals.push(signal);
      contexts.push(context);
    },
  };
  return { feature, running: () => signals.filter((signal) => !signal.aborted).length, starts: () => signals.length, contexts };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const withFeatures = (features: Partial<Settings['features']>, more: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  ...more,
  features: { ...DEFAULT_SETTINGS.features, ...features },
});

function setup(host = 'app.amplitude.com') {
  const badges = fake('access-badges');
  const chip = fake('admin-lens-chip');
  const switcher = featureSwitch([badges.feature, chip.feature], vi.fn(), host);
  const contextFor = vi.fn((signal: AbortSignal, options: unknown): Ctx => ({ signal, options }));
  const visit = new AbortController();
  return { badges, chip, switcher, contextFor, visit };
}

describe('featureSwitch', () => {
  it('starts only the features switched on; switching one off stops it alone, on again starts it, on the same data', async () => {
    const { badges, chip, switcher, contextFor, visit } = setup();
    switcher.apply(withFeatures({ 'access-badges': false }));
    switcher.visit(visit.signal, contextFor);
    await flush();
    expect([badges.running(), chip.running()]).toEqual([0, 1]);

    switcher.apply(withFeatures({}));
    await flush();
    expect([badges.running(), chip.running()]).toEqual([1, 1]);

    switcher.apply(withFeatures({ 'admin-lens-chip': false }));
    await flush();
    expect([badges.running(), chip.running()]).toEqual([1, 0]);
    expect(contextFor).toHaveBeenCalledTimes(1);
    expect(badges.contexts[0]).toBe(chip.contexts[0]);
  });

  it('waits for the settings before starting anything, and stops everything when the visit ends', async () => {
    const { badges, chip, switcher, contextFor, visit } = setup();
    switcher.visit(visit.signal, contextFor);
    await flush();
    expect(badges.starts() + chip.starts()).toBe(0);
    switcher.apply(DEFAULT_SETTINGS);
    await flush();
    expect([badges.running(), chip.running()]).toEqual([1, 1]);
    visit.abort();
    expect([badges.running(), chip.running()]).toEqual([0, 0]);
    switcher.apply(withFeatures({ 'access-badges': false }));
    switcher.apply(DEFAULT_SETTINGS);
    await flush();
    expect(badges.starts()).toBe(1);
  });

  it('new thresholds restart every feature on data computed with them', async () => {
    const { badges, chip, switcher, contextFor, visit } = setup();
    switcher.apply(DEFAULT_SETTINGS);
    switcher.visit(visit.signal, contextFor);
    await flush();
    expect(contextFor).toHaveBeenLastCalledWith(expect.anything(), { maxAdmins: 3, staleInviteDays: 14 });
    switcher.apply({ ...DEFAULT_SETTINGS, tooManyAdminsThreshold: 5, staleInviteDays: 30 });
    await flush();
    expect(contextFor).toHaveBeenCalledTimes(2);
    expect(contextFor).toHaveBeenLastCalledWith(expect.anything(), { maxAdmins: 5, staleInviteDays: 30 });
    expect(contextFor.mock.calls[0]?.[0].aborted).toBe(true);
    expect([badges.starts(), badges.running(), chip.starts(), chip.running()]).toEqual([2, 1, 2, 1]);
  });

  it('with a retune, new thresholds recompute the same context and restart only the features that show findings', async () => {
    const badges = fake('access-badges');
    const bulk = fake('bulk-invite-panel');
    const switcher = featureSwitch([badges.feature, { ...bulk.feature, usesThresholds: false }], vi.fn());
    const contextFor = vi.fn((signal: AbortSignal, options: unknown): Ctx => ({ signal, options }));
    const retune = vi.fn((context: Ctx, options: unknown) => void (context.options = options));
    const visit = new AbortController();
    switcher.apply(DEFAULT_SETTINGS);
    switcher.visit(visit.signal, contextFor, retune);
    await flush();
    switcher.apply({ ...DEFAULT_SETTINGS, tooManyAdminsThreshold: 5 });
    await flush();
    expect(contextFor).toHaveBeenCalledTimes(1);
    expect(retune).toHaveBeenCalledExactlyOnceWith(badges.contexts[0], { maxAdmins: 5, staleInviteDays: 14 });
    // The bulk invite (and a run in it) was never stopped; the badges started again on the same data.
    expect([bulk.starts(), bulk.running()]).toEqual([1, 1]);
    expect([badges.starts(), badges.running()]).toEqual([2, 1]);
    expect(badges.contexts[1]).toBe(badges.contexts[0]);
    expect(badges.contexts[1]!.options).toEqual({ maxAdmins: 5, staleInviteDays: 14 });
    // A switch of its own still stops it.
    switcher.apply({ ...DEFAULT_SETTINGS, tooManyAdminsThreshold: 5, features: { ...DEFAULT_SETTINGS.features, 'bulk-invite-panel': false } });
    expect(bulk.running()).toBe(0);
  });

  it('the defaults being written down (nothing stored before) restart nothing', async () => {
    const { badges, switcher, contextFor, visit } = setup();
    switcher.apply({});
    switcher.visit(visit.signal, contextFor);
    await flush();
    switcher.apply(DEFAULT_SETTINGS);
    await flush();
    expect(contextFor).toHaveBeenCalledTimes(1);
    expect(contextFor).toHaveBeenLastCalledWith(expect.anything(), { maxAdmins: 3, staleInviteDays: 14 });
    expect([badges.starts(), badges.running()]).toEqual([1, 1]);
  });

  it('a region switched off stops everything on its host and starts nothing; other hosts go on', async () => {
    const eu = setup('app.eu.amplitude.com');
    const off = { ...DEFAULT_SETTINGS, regions: { ...DEFAULT_SETTINGS.regions, 'app.eu.amplitude.com': false } };
    eu.switcher.apply(DEFAULT_SETTINGS);
    eu.switcher.visit(eu.visit.signal, eu.contextFor);
    await flush();
    expect(eu.badges.running()).toBe(1);
    eu.switcher.apply(off);
    expect([eu.badges.running(), eu.chip.running()]).toEqual([0, 0]);

    const us = setup('app.amplitude.com');
    us.switcher.apply(off);
    us.switcher.visit(us.visit.signal, us.contextFor);
    await flush();
    expect(us.badges.running()).toBe(1);
  });

  it('with every feature off, the org is not even read', async () => {
    const { switcher, contextFor, visit } = setup();
    switcher.apply(withFeatures({ 'access-badges': false, 'admin-lens-chip': false }));
    switcher.visit(visit.signal, contextFor);
    await flush();
    expect(contextFor).not.toHaveBeenCalled();
  });
});

describe('settings know every feature', () => {
  it('FEATURE_IDS are the ids of FEATURES, in order', async () => {
    const { FEATURE_IDS } = await import('@/utils/settings/defaults');
    const { FEATURES } = await import('./features');
    expect(FEATURES.map((feature) => feature.id)).toEqual([...FEATURE_IDS]);
  });
});
