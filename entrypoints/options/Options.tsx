/**
 * The options page: thresholds, invite batch size, how long personal data is kept (audit log,
 * cached org data), active Amplitude regions, each feature on or off, and deleting all data. Validated with the settings schema before saving; export and import as a
 * JSON file; reset to the defaults. Saved settings reach open Members & Groups pages at once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { NumberField } from '@/components/NumberField';
import { AMPLITUDE_HOST_LABELS } from '@/utils/amplitude/hosts';
import { downloadText } from '@/utils/download';
import { DEFAULT_SETTINGS, FEATURE_IDS, MAX_INACTIVE_DAYS, MAX_INVITE_BATCH, REGION_HOSTS, type FeatureId, type Settings } from '@/utils/settings/defaults';
import { parseSettingsFile, settingsFile, settingsFileName, validateSettings, type FieldErrors } from '@/utils/settings/schema';
import { settingsStore } from '@/utils/settings/storage';
import { AUDIT_RETENTION_CHOICES, SNAPSHOT_RETENTION_CHOICES } from '@/utils/settings/retention';
import { DeleteAllData } from './DeleteAllData';
import { t, tCount, type MessageKey } from '@/utils/i18n';
import { FormMessages } from './FormMessages';

const FEATURES: Record<FeatureId, { label: MessageKey; hint: MessageKey }> = {
  'removal-guard': { label: 'featureRemovalGuard', hint: 'featureRemovalGuardHint' },
  'admin-lens-chip': { label: 'featureChip', hint: 'featureChipHint' },
  'access-badges': { label: 'featureBadges', hint: 'featureBadgesHint' },
  'access-summary': { label: 'featureSummary', hint: 'featureSummaryHint' },
  'groups-escalation': { label: 'featureGroups', hint: 'featureGroupsHint' },
  'bulk-invite-panel': { label: 'featureBulkInvite', hint: 'featureBulkInviteHint' },
  offboarding: { label: 'featureOffboarding', hint: 'featureOffboardingHint' },
  'email-change': { label: 'featureEmailChange', hint: 'featureEmailChangeHint' },
};

/** The form's state: numbers as typed, so a half-typed or empty field can be shown and explained. */
interface Form {
  tooManyAdminsThreshold: string;
  staleInviteDays: string;
  inactiveDays: string;
  inviteBatchSize: string;
  auditRetentionDays: number | null;
  snapshotRetentionDays: number;
  regions: Record<string, boolean>;
  features: Record<FeatureId, boolean>;
}

const toForm = (settings: Settings): Form => ({
  ...settings,
  tooManyAdminsThreshold: String(settings.tooManyAdminsThreshold),
  staleInviteDays: String(settings.staleInviteDays),
  inactiveDays: String(settings.inactiveDays),
  inviteBatchSize: String(settings.inviteBatchSize),
});

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

const fromForm = (form: Form): unknown => ({
  ...form,
  tooManyAdminsThreshold: number(form.tooManyAdminsThreshold),
  staleInviteDays: number(form.staleInviteDays),
  inactiveDays: number(form.inactiveDays),
  inviteBatchSize: number(form.inviteBatchSize),
});

export function Options() {
  const store = settingsStore();
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const loadForm = () =>
    store
      .load()
      .then((settings) => {
        setForm(toForm(settings));
        setErrors({});
      })
      .catch((error: unknown) => setProblem(t('optionsReadFailed', { error: String(error) })));

  useEffect(() => {
    void loadForm();
  }, []);

  if (!form) {
    return (
      <main class="al-options">
        <h1>{t('optionsTitle')}</h1>
        {problem ? <p role="alert">{problem}</p> : <p role="status">{t('optionsLoading')}</p>}
      </main>
    );
  }

  const edit = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setStatus('');
  };

  const saveSettings = async (settings: Settings, message: string) => {
    try {
      await store.save(settings);
      setForm(toForm(settings));
      setErrors({});
      setProblem(null);
      setStatus(message);
    } catch (error) {
      setStatus(t('optionsNotSaved', { error: String(error) }));
    }
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const result = validateSettings(fromForm(form));
    if (!result.ok) {
      setErrors(result.errors);
      const count = Object.keys(result.errors).length;
      setStatus(tCount('optionsFieldsNeedAttention', count));
      const first = Object.keys(result.errors)[0];
      if (first) document.getElementById(first)?.focus();
      return;
    }
    void saveSettings(result.settings, t('optionsSaved'));
  };

  const onImport = async (file: File) => {
    const result = parseSettingsFile(await file.text());
    if (!result.ok) {
      setProblem(t('optionsImportFailed', { file: file.name, error: result.error }));
      setStatus(t('optionsNothingImported'));
      return;
    }
    await saveSettings(result.settings, t('optionsImported', { file: file.name }));
  };

  const toggle = (group: 'regions' | 'features', key: string, on: boolean) => edit({ [group]: { ...form[group], [key]: on } } as Partial<Form>);

  return (
    <main class="al-options">
      <h1>{t('optionsTitle')}</h1>
      <p class="al-options__intro">{t('optionsIntro')}</p>
      <form noValidate onSubmit={onSubmit} aria-label={t('optionsFormLabel')}>
        <fieldset>
          <legend>{t('optionsFindings')}</legend>
          <NumberField
            id="tooManyAdminsThreshold"
            label={t('optionsTooManyAdmins')}
            hint={t('optionsTooManyAdminsHint')}
            min={1}
            max={100}
            value={form.tooManyAdminsThreshold}
            error={errors.tooManyAdminsThreshold}
            onInput={(value) => edit({ tooManyAdminsThreshold: value })}
          />
          <NumberField
            id="staleInviteDays"
            label={t('optionsStaleInvite')}
            hint={t('optionsStaleInviteHint')}
            min={1}
            max={365}
            value={form.staleInviteDays}
            error={errors.staleInviteDays}
            onInput={(value) => edit({ staleInviteDays: value })}
          />
          <NumberField
            id="inactiveDays"
            label={t('optionsInactiveDays')}
            hint={t('optionsInactiveDaysHelp')}
            min={1}
            max={MAX_INACTIVE_DAYS}
            value={form.inactiveDays}
            error={errors.inactiveDays}
            onInput={(value) => edit({ inactiveDays: value })}
          />
        </fieldset>

        <fieldset>
          <legend>{t('optionsBulkAndAudit')}</legend>
          <NumberField
            id="inviteBatchSize"
            label={t('optionsBatchSize')}
            hint={t('optionsBatchSizeHint', { max: MAX_INVITE_BATCH })}
            min={1}
            max={MAX_INVITE_BATCH}
            value={form.inviteBatchSize}
            error={errors.inviteBatchSize}
            onInput={(value) => edit({ inviteBatchSize: value })}
          />
          <div class="al-field">
            <label for="auditRetentionDays">{t('optionsKeepAudit')}</label>
            <select
              id="auditRetentionDays"
              value={form.auditRetentionDays === null ? 'all' : String(form.auditRetentionDays)}
              onChange={(event) => edit({ auditRetentionDays: event.currentTarget.value === 'all' ? null : Number(event.currentTarget.value) })}
            >
              {AUDIT_RETENTION_CHOICES.map((days) => (
                <option key={String(days)} value={days === null ? 'all' : String(days)}>
                  {days === null ? t('retentionForever') : t('retentionDays', { days })}
                </option>
              ))}
            </select>
          </div>
          <div class="al-field">
            <label for="snapshotRetentionDays">{t('optionsKeepSnapshots')}</label>
            <select
              id="snapshotRetentionDays"
              aria-describedby="snapshotRetentionDays-hint"
              value={String(form.snapshotRetentionDays)}
              onChange={(event) => edit({ snapshotRetentionDays: Number(event.currentTarget.value) })}
            >
              {SNAPSHOT_RETENTION_CHOICES.map((days) => (
                <option key={days} value={String(days)}>
                  {t('retentionDays', { days })}
                </option>
              ))}
            </select>
            <span id="snapshotRetentionDays-hint" class="al-field__hint">
              {t('optionsKeepSnapshotsHint')}
            </span>
          </div>
        </fieldset>

        <fieldset aria-describedby="regions-hint">
          <legend>{t('optionsRegions')}</legend>
          <p id="regions-hint" class="al-field__hint">
            {t('optionsRegionsHint')}
          </p>
          {REGION_HOSTS.map((host) => (
            <label key={host} class="al-check">
              <input type="checkbox" checked={form.regions[host] !== false} onChange={(event) => toggle('regions', host, event.currentTarget.checked)} />
              {AMPLITUDE_HOST_LABELS[host] ?? host}
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('optionsFeatures')}</legend>
          {FEATURE_IDS.map((id) => (
            <div key={id} class="al-check">
              <input
                id={`feature-${id}`}
                type="checkbox"
                checked={form.features[id]}
                aria-describedby={`feature-${id}-hint`}
                onChange={(event) => toggle('features', id, event.currentTarget.checked)}
              />
              <label for={`feature-${id}`}>{t(FEATURES[id].label)}</label>
              <span id={`feature-${id}-hint`} class="al-field__hint">
                {t(FEATURES[id].hint)}
              </span>
            </div>
          ))}
        </fieldset>

        <div class="al-options__actions">
          <button type="submit" class="al-primary">
            {t('optionsSave')}
          </button>
          <button type="button" onClick={() => void saveSettings(DEFAULT_SETTINGS, t('optionsRestored'))}>
            {t('optionsReset')}
          </button>
          <button
            type="button"
            onClick={() => {
              const now = new Date();
              void store.load().then((saved) => downloadText(settingsFileName(now), settingsFile(saved, now), 'application/json'));
            }}
          >
            {t('optionsExport')}
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('optionsImport')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            aria-label={t('optionsImportFileLabel')}
            hidden
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void onImport(file);
            }}
          />
        </div>
        <FormMessages status={status} problem={problem} />
      </form>
      <DeleteAllData
        onDeleted={() => {
          setStatus('');
          setProblem(null);
          void loadForm();
        }}
      />
    </main>
  );
}
