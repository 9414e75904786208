/**
 * One piece of a plan that could not be read, to be decided by the admin: filled in from the
 * choices given (one of a list, several of a list, or a role per item), or left empty by an explicit
 * choice, never by default. When even the choices could not be read, it says so and leaving it
 * empty is the only way on. Names are page data: text only. Knows nothing about Amplitude.
 */
import { t } from '@/utils/i18n';
import { PageText } from './PageText';

export interface FillInOption {
  id: string;
  name: string;
}

interface FillInBase {
  /** The choices; null when not readable here either. */
  options: readonly FillInOption[] | null;
  leftEmpty: boolean;
}

export type FillIn =
  | (FillInBase & { kind: 'one'; chosen: string | null })
  | (FillInBase & { kind: 'many'; chosen: readonly string[] })
  | (FillInBase & { kind: 'roles'; roles: readonly { value: string; label: string }[]; chosen: Readonly<Record<string, string>> });

export type FillAction = { type: 'pick'; id: string } | { type: 'toggle'; id: string; on: boolean } | { type: 'role'; id: string; role: string | null } | { type: 'leave-empty'; on: boolean };

export interface PlanFillInProps {
  /** Unique in the page: names the radio group and the ids. */
  id: string;
  /** What the piece is, in words ("Team spaces"). */
  label: string;
  fillIn: FillIn;
  onFill: (action: FillAction) => void;
}

export function PlanFillIn({ id, label, fillIn, onFill }: PlanFillInProps) {
  const { options } = fillIn;
  const leaveEmpty =
    fillIn.kind === 'one' ? (
      <label class="al-ec__choice al-ec__leave">
        <input type="radio" name={id} checked={fillIn.leftEmpty} onChange={() => onFill({ type: 'leave-empty', on: true })} />
        {t('ecLeaveEmpty')}
      </label>
    ) : (
      <label class="al-ec__choice al-ec__leave">
        <input type="checkbox" checked={fillIn.leftEmpty} onChange={(event) => onFill({ type: 'leave-empty', on: event.currentTarget.checked })} />
        {t('ecLeaveEmpty')}
      </label>
    );

  return (
    <fieldset class="al-ec__choices">
      <legend>{t('ecFillIn', { piece: label })}</legend>
      {options === null ? <p class="al-ec__note">{t('ecFillNoOptions')}</p> : null}
      {options !== null && options.length === 0 ? <p class="al-ec__note">{t('ecFillNoneExist')}</p> : null}
      {options && options.length > 0 ? (
        <div class="al-ec__options">
          {fillIn.kind === 'one'
            ? options.map((option) => (
                <label key={option.id} class="al-ec__choice">
                  <input type="radio" name={id} checked={fillIn.chosen === option.id} onChange={() => onFill({ type: 'pick', id: option.id })} />
                  <PageText text={option.name} />
                </label>
              ))
            : null}
          {fillIn.kind === 'many'
            ? options.map((option) => (
                <label key={option.id} class="al-ec__choice">
                  <input type="checkbox" checked={fillIn.chosen.includes(option.id)} onChange={(event) => onFill({ type: 'toggle', id: option.id, on: event.currentTarget.checked })} />
                  <PageText text={option.name} />
                </label>
              ))
            : null}
          {fillIn.kind === 'roles'
            ? options.map((option, index) => (
                // Named by the project alone (a wrapping label would add the selected role to the name).
                <div key={option.id} class="al-ec__role">
                  <span id={`${id}-${index}`}>
                    <PageText text={option.name} />
                  </span>
                  <select aria-labelledby={`${id}-${index}`} value={fillIn.chosen[option.id] ?? ''} onChange={(event) => onFill({ type: 'role', id: option.id, role: event.currentTarget.value || null })}>
                    <option value="">{t('ecNoDirectRole')}</option>
                    {fillIn.roles.map((role) => (
                      <option key={role.value} value={role.value}>
                        {role.label}
                      </option>
                    ))}
                  </select>
                </div>
              ))
            : null}
        </div>
      ) : null}
      {leaveEmpty}
    </fieldset>
  );
}
