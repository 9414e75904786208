/**
 * A labelled whole-number input with a hint and, when invalid, an error message tied to it
 * (aria-describedby, aria-invalid), so a screen reader reads label, value, hint and error together.
 */
export interface NumberFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  min: number;
  max: number;
  error?: string | undefined;
  onInput(value: string): void;
}

export function NumberField({ id, label, hint, value, min, max, error, onInput }: NumberFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div class={error ? 'al-field al-field--invalid' : 'al-field'}>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <span id={hintId} class="al-field__hint">
        {hint}
      </span>
      {error ? (
        <span id={errorId} class="al-field__error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
