/**
 * The options page: thresholds, invite batch size, audit retention, active Amplitude regions and
 * each feature on or off. Validated with the settings schema before saving; export and import as a
 * JSON file; reset to the defaults. Saved settings reach open Members & Groups pages at once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { NumberField } from '@/components/NumberField';
import { AMPLITUDE_HOST_LABELS } from '@/utils/amplitude/hosts';
import { RETENTION_CHOICES } from '@/utils/audit/retention';
import { downloadText } from '@/utils/download';
import { DEFAULT_SETTINGS, FEATURE_IDS, MAX_INVITE_BATCH, REGION_HOSTS, type FeatureId, type Settings } from '@/utils/settings/defaults';
import { parseSettingsFile, settingsFile, settingsFileName, validateSettings, type FieldErrors } from '@/utils/settings/schema';
import { settingsStore } from '@/utils/settings/storage';

const FEATURES: Record<FeatureId, { label: string; hint: string }> = {
  'removal-guard': { label: 'Removal guard', hint: 'Checks “Remove Members?” for orphaned content, the only Admin and yourself; keeps the audit log.' },
  'admin-lens-chip': { label: 'Status chip', hint: 'Shows beside the heading that Admin Lens is active and how fresh its data is.' },
  'access-badges': { label: 'Access badges', hint: 'A badge in every user row with the breakdown card behind it.' },
  'access-summary': { label: 'Access summary panel', hint: 'Members by role, Admins, escalations, pending and stale invites; CSV/JSON export.' },
  'groups-escalation': { label: 'Group escalation notes', hint: 'On the Groups tab, whom each group escalates.' },
  'bulk-invite-panel': { label: 'Bulk invite from CSV', hint: 'The “Bulk invite from CSV” button beside Invite New Users.' },
};

/** The form's state: numbers as typed, so a half-typed or empty field can be shown and explained. */
interface Form {
  tooManyAdminsThreshold: string;
  staleInviteDays: string;
  inviteBatchSize: string;
  auditRetentionDays: number | null;
  regions: Record<string, boolean>;
  features: Record<FeatureId, boolean>;
}

const toForm = (settings: Settings): Form => ({
  ...settings,
  tooManyAdminsThreshold: String(settings.tooManyAdminsThreshold),
  staleInviteDays: String(settings.staleInviteDays),
  inviteBatchSize: String(settings.inviteBatchSize),
});

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

const fromForm = (form: Form): unknown => ({
  ...form,
  tooManyAdminsThreshold: number(form.tooManyAdminsThreshold),
  staleInviteDays: number(form.staleInviteDays),
  inviteBatchSize: number(form.inviteBatchSize),
});

export function Options() {
  const store = settingsStore();
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    store
      .load()
      .then((settings) => setForm(toForm(settings)))
      .catch((error: unknown) => setProblem(`Could not read the settings: ${String(error)}`));
  }, []);

  if (!form) {
    return (
      <main class="al-options">
        <h1>Admin Lens settings</h1>
        {problem ? <p role="alert">{problem}</p> : <p role="status">Loading…</p>}
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
      setStatus(`Not saved: ${String(error)}`);
    }
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const result = validateSettings(fromForm(form));
    if (!result.ok) {
      setErrors(result.errors);
      const count = Object.keys(result.errors).length;
      setStatus(`Not saved: ${count === 1 ? '1 field needs' : `${count} fields need`} attention.`);
      const first = Object.keys(result.errors)[0];
      if (first) document.getElementById(first)?.focus();
      return;
    }
    void saveSettings(result.settings, 'Settings saved.');
  };

  const onImport = async (file: File) => {
    const result = parseSettingsFile(await file.text());
    if (!result.ok) {
      setProblem(`Could not import “${file.name}”: ${result.error}`);
      setStatus('Nothing was imported.');
      return;
    }
    await saveSettings(result.settings, `Imported and saved the settings from “${file.name}”.`);
  };

  const toggle = (group: 'regions' | 'features', key: string, on: boolean) => edit({ [group]: { ...form[group], [key]: on } } as Partial<Form>);

  return (
    <main class="al-options">
      <h1>Admin Lens settings</h1>
      <p class="al-options__intro">Stored in this browser only. Saved changes apply at once, also to Members &amp; Groups pages that are open.</p>
      <form noValidate onSubmit={onSubmit} aria-label="Settings">
        <fieldset>
          <legend>Findings</legend>
          <NumberField
            id="tooManyAdminsThreshold"
            label="Too many Admins: more than"
            hint="A finding when more joined people than this are Admins."
            min={1}
            max={100}
            value={form.tooManyAdminsThreshold}
            error={errors.tooManyAdminsThreshold}
            onInput={(value) => edit({ tooManyAdminsThreshold: value })}
          />
          <NumberField
            id="staleInviteDays"
            label="Stale invite after (days)"
            hint="A pending invite older than this is listed as stale."
            min={1}
            max={365}
            value={form.staleInviteDays}
            error={errors.staleInviteDays}
            onInput={(value) => edit({ staleInviteDays: value })}
          />
        </fieldset>

        <fieldset>
          <legend>Bulk invite and audit log</legend>
          <NumberField
            id="inviteBatchSize"
            label="Invite batch size"
            hint={`People invited per run of Amplitude's invite form, 1 to ${MAX_INVITE_BATCH}.`}
            min={1}
            max={MAX_INVITE_BATCH}
            value={form.inviteBatchSize}
            error={errors.inviteBatchSize}
            onInput={(value) => edit({ inviteBatchSize: value })}
          />
          <div class="al-field">
            <label for="auditRetentionDays">Keep audit log entries</label>
            <select
              id="auditRetentionDays"
              value={form.auditRetentionDays === null ? 'all' : String(form.auditRetentionDays)}
              onChange={(event) => edit({ auditRetentionDays: event.currentTarget.value === 'all' ? null : Number(event.currentTarget.value) })}
            >
              {RETENTION_CHOICES.map((days) => (
                <option key={String(days)} value={days === null ? 'all' : String(days)}>
                  {days === null ? 'Forever' : `${days} days`}
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        <fieldset aria-describedby="regions-hint">
          <legend>Amplitude regions</legend>
          <p id="regions-hint" class="al-field__hint">
            Admin Lens does nothing on a region that is off.
          </p>
          {REGION_HOSTS.map((host) => (
            <label key={host} class="al-check">
              <input type="checkbox" checked={form.regions[host] !== false} onChange={(event) => toggle('regions', host, event.currentTarget.checked)} />
              {AMPLITUDE_HOST_LABELS[host] ?? host}
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>Features</legend>
          {FEATURE_IDS.map((id) => (
            <div key={id} class="al-check">
              <input
                id={`feature-${id}`}
                type="checkbox"
                checked={form.features[id]}
                aria-describedby={`feature-${id}-hint`}
                onChange={(event) => toggle('features', id, event.currentTarget.checked)}
              />
              <label for={`feature-${id}`}>{FEATURES[id].label}</label>
              <span id={`feature-${id}-hint`} class="al-field__hint">
                {FEATURES[id].hint}
              </span>
            </div>
          ))}
        </fieldset>

        <div class="al-options__actions">
          <button type="submit" class="al-primary">
            Save
          </button>
          <button type="button" onClick={() => void saveSettings(DEFAULT_SETTINGS, 'Restored the defaults and saved.')}>
            Reset to defaults
          </button>
          <button
            type="button"
            onClick={() => {
              const now = new Date();
              void store.load().then((saved) => downloadText(settingsFileName(now), settingsFile(saved, now), 'application/json'));
            }}
          >
            Export settings
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Import settings…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            aria-label="Import settings file"
            hidden
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void onImport(file);
            }}
          />
        </div>
        <p role="status" class="al-options__status">
          {status}
        </p>
        {problem ? (
          <p role="alert" class="al-options__problem">
            {problem}
          </p>
        ) : null}
      </form>
    </main>
  );
}
