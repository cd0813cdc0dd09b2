import { precisionOf } from './passage.ts';

/** A date typed as a source file writes it, with the precision it has (or that it is not one). */
export function DateField(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
}) {
  const typed = props.value.trim();
  const precision = typed ? precisionOf(typed) : null;
  return (
    <>
      <label>
        {props.label}
        <input value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
      </label>
      {typed && (
        <p class="muted">{precision ? `Precision: ${precision}` : 'Not a date as written'}</p>
      )}
    </>
  );
}
