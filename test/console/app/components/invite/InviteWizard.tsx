/**
 * Invite New Users [doc]: a dialog that walks through the steps of invite-draft.ts with Back and
 * Next; Next stays disabled until the step is complete. Send makes exactly one InviteUsers call;
 * the backend is atomic, so a refusal (already a member, already invited, not allowed) means
 * nothing was sent, and the wizard says which email and why. Success closes it with a toast
 * "Invitations sent to N users" [guess: wording].
 * Markup flags: `reworded` drops "Step i of n: " from the step heading; `labelCase`, `actions`.
 */
import { useEffect, useMemo, useState } from 'react';
import { describeFailure, OperationRefused } from '../../api/errors';
import { fetchAllGroups } from '../../api/fetch-all';
import { useLoader } from '../../hooks/useLoader';
import { plural } from '../../model/format';
import { markup, ui } from '../../markup';
import { useOrg } from '../../org-context';
import { ActionButton } from '../ui/ActionButton';
import { ErrorPanel } from '../ui/ErrorPanel';
import { Modal } from '../ui/Modal';
import { useToasts } from '../ui/Toasts';
import { AccessStep } from './AccessStep';
import { DefaultsStep } from './DefaultsStep';
import { EmailsStep } from './EmailsStep';
import { GroupsStep } from './GroupsStep';
import { checkStep, EMPTY_DRAFT, grantedProjectIds, inviteVariables, STEP_TITLE, stepsFor, type InviteDraft } from './invite-draft';
import { ReviewStep } from './ReviewStep';
import s from '../../styles.module.css';

export function InviteWizard(props: { open: boolean; onClose: () => void; onInvited: () => void }) {
  const { client, settings, projects, teams, teamSpaces } = useOrg();
  const toasts = useToasts();
  const projectLevel = settings.org.projectLevelPermissions;
  const groups = useLoader(() => fetchAllGroups(client), [client], { enabled: props.open });
  const [draft, setDraft] = useState<InviteDraft>(EMPTY_DRAFT);
  const [text, setText] = useState('');
  const [stepIndex, setStepIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [refused, setRefused] = useState<Map<string, string>>(new Map());

  // Every opening starts a fresh invite.
  useEffect(() => {
    if (!props.open) return;
    setDraft(EMPTY_DRAFT);
    setText('');
    setStepIndex(0);
    setBusy(false);
    setErrors([]);
    setRefused(new Map());
  }, [props.open]);

  const allGroups = groups.data ?? [];
  const steps = stepsFor(allGroups.length > 0);
  const step = steps[Math.min(stepIndex, steps.length - 1)]!;
  const chosenGroups = useMemo(() => allGroups.filter((group) => draft.groupIds.includes(group.id)), [allGroups, draft.groupIds]);
  const check = checkStep(step, { draft, chosen: chosenGroups, pendingText: text, teamsRequired: teams.length > 0, projectLevel, chipCommit: markup.chipCommit });
  const isLast = step === 'review';
  const granted = grantedProjectIds(draft, chosenGroups);
  const defaultCandidates = projectLevel ? projects.filter((project) => granted.has(project.id)) : projects;

  async function send() {
    setBusy(true);
    setErrors([]);
    setRefused(new Map());
    try {
      const { invited } = await client.request('InviteUsers', inviteVariables(draft, projectLevel));
      toasts.success(ui`Invitations sent to ${ui(plural(invited.length, 'user'))}`);
      props.onInvited();
      props.onClose();
    } catch (error) {
      if (error instanceof OperationRefused) {
        setErrors(error.errors.map((refusal) => refusal.message));
        setRefused(new Map(error.errors.filter((refusal) => refusal.extensions.email).map((refusal) => [refusal.extensions.email!, refusal.message])));
      } else {
        setErrors([describeFailure(error)]);
      }
    } finally {
      setBusy(false);
    }
  }

  const footer = (
    <>
      <span className={s.footerHint}>{check.ok ? '' : check.reason}</span>
      <ActionButton className={s.secondaryButton} disabled={stepIndex === 0 || busy} onClick={() => setStepIndex((index) => index - 1)}>
        {ui('Back')}
      </ActionButton>
      {isLast ? (
        <ActionButton className={s.primaryButton} disabled={busy} onClick={send}>
          {busy ? ui('Sending…') : ui('Send')}
        </ActionButton>
      ) : (
        <ActionButton className={s.primaryButton} disabled={!check.ok || !groups.data} onClick={() => setStepIndex((index) => index + 1)}>
          {ui('Next')}
        </ActionButton>
      )}
    </>
  );

  return (
    <Modal open={props.open} onClose={props.onClose} busy={busy} title={ui('Invite New Users')} size="large" footer={footer}>
      <ol aria-label={ui('Steps')} className={s.steps}>
        {steps.map((key, index) => (
          <li key={key} aria-current={key === step ? 'step' : undefined} className={key === step ? s.stepCurrent : index < stepIndex ? s.stepDone : s.step}>
            {ui(STEP_TITLE[key])}
          </li>
        ))}
      </ol>
      <h3 className={s.stepTitle}>
        {markup.reworded ? ui(STEP_TITLE[step]) : `${ui`Step ${steps.indexOf(step) + 1} of ${steps.length}: `}${ui(STEP_TITLE[step])}`}
      </h3>
      {groups.error ? <ErrorPanel title={ui('Groups could not be loaded')} error={groups.error} onRetry={groups.reload} /> : null}

      {step === 'emails' ? (
        <EmailsStep entries={draft.entries} onEntriesChange={(entries) => setDraft({ ...draft, entries })} text={text} onTextChange={setText} teams={teams} refused={refused} />
      ) : null}
      {step === 'groups' ? <GroupsStep groups={allGroups} selectedIds={draft.groupIds} onChange={(groupIds) => setDraft({ ...draft, groupIds })} /> : null}
      {step === 'access' ? (
        <AccessStep draft={draft} onChange={setDraft} projects={projects} chosenGroups={chosenGroups} projectLevel={projectLevel} viewerIsAdmin={settings.viewer.orgRole === 'admin'} />
      ) : null}
      {step === 'defaults' ? <DefaultsStep draft={draft} onChange={setDraft} candidates={defaultCandidates} teamSpaces={teamSpaces} /> : null}
      {step === 'review' ? <ReviewStep draft={draft} chosenGroups={chosenGroups} projects={projects} teams={teams} teamSpaces={teamSpaces} projectLevel={projectLevel} /> : null}

      {errors.length > 0 ? (
        <div role="alert" className={s.formError}>
          <strong>{ui('Nothing was sent.')}</strong>
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
    </Modal>
  );
}
