/**
 * Step 1 [doc]: type an email and press Enter (or a comma) to make it a chip; several per invite.
 * With the `chipCommit: comma-blur` markup flag Enter does nothing here: a comma, or leaving the
 * field, makes the chip.
 * An invalid address is not chipped and says why. Each chip has a Team dropdown [doc: a team per
 * email; the list is TeamsAndSpaces] and a remove button. Pasting a list chips every address.
 */
import { useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { Team } from '../../model/types';
import { markup, ui } from '../../markup';
import { ActionButton } from '../ui/ActionButton';
import { Select } from '../ui/Select';
import { isValidEmail, normalizeEmail, type EmailEntry } from './invite-draft';
import s from '../../styles.module.css';

const SEPARATORS = /[\s,;]+/;
const COMMIT_KEYS = markup.chipCommit === 'enter' ? ['Enter', ','] : [','];

export function EmailsStep(props: {
  entries: EmailEntry[];
  onEntriesChange: (entries: EmailEntry[]) => void;
  text: string;
  onTextChange: (text: string) => void;
  teams: Team[];
  /** Emails the server refused on the last Send, with its reason. */
  refused: ReadonlyMap<string, string>;
}) {
  const inputId = useId();
  const errorId = useId();
  const [error, setError] = useState('');
  const inputRef = useRef<HTMLInputElement | null>(null);
  const { entries } = props;

  /** Chips every valid, new address in `raw`; what cannot be chipped stays in the input. */
  function commit(raw: string) {
    const tokens = raw.split(SEPARATORS).filter(Boolean);
    if (tokens.length === 0) return;
    const added: EmailEntry[] = [];
    const left: string[] = [];
    const problems: string[] = [];
    for (const token of tokens) {
      const email = normalizeEmail(token);
      if (!isValidEmail(email)) {
        problems.push(`${token} is not a valid email address`);
        left.push(token);
      } else if (entries.some((entry) => entry.email === email) || added.some((entry) => entry.email === email)) {
        problems.push(`${email} has already been added`);
      } else {
        added.push({ email, teamId: null });
      }
    }
    if (added.length > 0) props.onEntriesChange([...entries, ...added]);
    props.onTextChange(left.join(', '));
    setError(problems.join('. '));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (COMMIT_KEYS.includes(event.key)) {
      event.preventDefault();
      // Read the input itself, not state: a driver may set the value and press Enter at once.
      commit(event.currentTarget.value);
    } else if (event.key === 'Backspace' && event.currentTarget.value === '' && entries.length > 0) {
      props.onEntriesChange(entries.slice(0, -1));
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const pasted = event.clipboardData.getData('text');
    if (!SEPARATORS.test(pasted.trim())) return;
    event.preventDefault();
    commit(`${event.currentTarget.value} ${pasted}`);
  }

  const teamOptions = props.teams.map((team) => ({ value: team.id, label: team.name }));
  return (
    <div className={s.stepBody}>
      <label htmlFor={inputId} className={s.fieldLabel}>
        {ui('Email addresses')}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        className={s.input}
        placeholder="name@company.com"
        autoComplete="off"
        value={props.text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          props.onTextChange(event.target.value);
          if (error) setError('');
        }}
        onKeyDown={onKeyDown}
        onBlur={markup.chipCommit === 'comma-blur' ? (event) => commit(event.currentTarget.value) : undefined}
        onPaste={onPaste}
        data-autofocus
      />
      {error ? (
        <p id={errorId} role="alert" className={s.fieldError}>
          {error}
        </p>
      ) : (
        <p className={s.hint}>{markup.chipCommit === 'enter' ? 'Press Enter after each email address.' : 'Type a comma after each email address.'}</p>
      )}
      {entries.length > 0 ? (
        <ul aria-label={ui('Emails to invite')} className={s.chips}>
          {entries.map((entry) => {
            const refusal = props.refused.get(entry.email);
            return (
              <li key={entry.email} className={refusal ? s.chipRefused : s.chip}>
                <span className={s.chipEmail}>{entry.email}</span>
                {props.teams.length > 0 ? (
                  <Select
                    label={ui`Team for ${entry.email}`}
                    placeholder="Select team"
                    value={entry.teamId}
                    options={teamOptions}
                    onChange={(teamId) => props.onEntriesChange(entries.map((other) => (other.email === entry.email ? { ...other, teamId } : other)))}
                  />
                ) : null}
                <ActionButton
                  aria-label={ui`Remove ${entry.email}`}
                  className={s.iconButton}
                  onClick={() => {
                    props.onEntriesChange(entries.filter((other) => other.email !== entry.email));
                    // The button goes away with its chip; keep focus in the dialog.
                    inputRef.current?.focus();
                  }}
                >
                  ×
                </ActionButton>
                {refusal ? <span className={s.fieldError}>{refusal}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
