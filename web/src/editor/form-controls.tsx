/**
 * Labelled inputs that show the record model's own message for their field, next to the field, and tell
 * assistive technology which message belongs to which input.
 */
import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
  className?: string;
}

/** A label, a control and its error. */
export function Field({ label, error, hint, children, className }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`ed-field${error ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, error ? errorId : undefined)}
      {hint && !error && <span className="muted small">{hint}</span>}
      {error && (
        <span className="field-error" id={errorId} data-testid="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** Text; empty becomes null unless `empty` is given. */
export function TextInput(props: { label: string; value: string | null; onChange: (v: string | null) => void; error?: string | undefined; type?: string; placeholder?: string; hint?: string; testId?: string; empty?: string }) {
  return (
    <Field label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(id, describedBy) => (
        <input
          id={id}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          placeholder={props.placeholder}
          aria-invalid={Boolean(props.error)}
          aria-describedby={describedBy}
          data-testid={props.testId}
          onChange={(e) => props.onChange(e.target.value === '' ? (props.empty ?? null) : e.target.value)}
        />
      )}
    </Field>
  );
}

/** A number; empty is null (unknown), never 0. */
export function NumberInput(props: { label: string; value: number | null; onChange: (v: number | null) => void; error?: string | undefined; step?: string; testId?: string }) {
  return (
    <Field label={props.label} error={props.error}>
      {(id, describedBy) => (
        <input
          id={id}
          type="number"
          step={props.step ?? '1'}
          value={props.value ?? ''}
          aria-invalid={Boolean(props.error)}
          aria-describedby={describedBy}
          data-testid={props.testId}
          onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}
        />
      )}
    </Field>
  );
}

/** One of `options` (label by value); `none` adds an empty choice meaning null. */
export function Select<T extends string>(props: { label: string; value: T | null | ''; options: Record<T, string>; onChange: (v: T | null) => void; error?: string | undefined; none?: string; testId?: string; hint?: string; disabled?: boolean }) {
  return (
    <Field label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(id, describedBy) => (
        <select id={id} value={props.value ?? ''} disabled={props.disabled} aria-invalid={Boolean(props.error)} aria-describedby={describedBy} data-testid={props.testId} onChange={(e) => props.onChange(e.target.value === '' ? null : (e.target.value as T))}>
          {(props.none !== undefined || props.value === '' || props.value === null) && <option value="">{props.none ?? 'Choose…'}</option>}
          {(Object.entries(props.options) as [T, string][]).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Several of `options`, as checkboxes. */
export function ChoiceList<T extends string>(props: { legend: string; values: readonly T[]; options: Record<T, string>; onChange: (v: T[]) => void; error?: string | undefined }) {
  return (
    <fieldset className="choice-list">
      <legend>{props.legend}</legend>
      {(Object.entries(props.options) as [T, string][]).map(([v, label]) => (
        <label key={v} className="choice">
          <input type="checkbox" checked={props.values.includes(v)} onChange={(e) => props.onChange(e.target.checked ? [...props.values, v] : props.values.filter((x) => x !== v))} />
          {label}
        </label>
      ))}
      {props.error && <span className="field-error">{props.error}</span>}
    </fieldset>
  );
}

/** A table's header row: one column header per entry, each scoped to its column for screen readers. */
export function ColumnHeads({ columns }: { columns: ReactNode[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
