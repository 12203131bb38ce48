/**
 * The time range as two date fields, the keyboard and screen-reader way to set what the timeline brush sets.
 * A record counts when its date range overlaps [from, to].
 */
import { useEffect, useId, useState } from 'react';

export interface DateRangeProps {
  from?: string;
  to?: string;
  onChange: (from: string | undefined, to: string | undefined) => void;
}

/**
 * A date the filter can take while it is being typed: a full date with a four-digit year from 1000 on. A date field
 * holds a valid date at every digit of its year (0002-06-21, 0020-06-21, 0201-06-21), each of which would be a
 * filter, a request and a history entry of its own.
 */
const complete = (value: string) => /^[1-9]\d{3}-\d{2}-\d{2}$/.test(value);

/** One field: applies a complete date as it is typed, and anything else (a cleared field) on leaving it or Enter. */
function DateField({ label, value, min, max, onCommit }: { label: string; value?: string; min?: string; max?: string; onCommit: (value: string | undefined) => void }) {
  const [draft, setDraft] = useState(value ?? '');
  // The brush, a chip or Back changes the value from outside.
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = (v: string) => {
    if ((v || undefined) !== value) onCommit(v || undefined);
  };
  return (
    <label>
      <span>{label}</span>
      <input
        type="date"
        value={draft}
        min={min}
        max={max}
        onChange={(e) => {
          setDraft(e.target.value);
          if (complete(e.target.value)) commit(e.target.value);
        }}
        onBlur={() => commit(draft)}
        onKeyDown={(e) => e.key === 'Enter' && commit(draft)}
      />
    </label>
  );
}

/** From/to inputs. */
export function DateRange({ from, to, onChange }: DateRangeProps) {
  const id = useId();
  return (
    <section className="facet date-range" aria-labelledby={`${id}-title`}>
      <div className="facet-head">
        <h3 id={`${id}-title`}>Dates</h3>
        {(from || to) && (
          <button type="button" className="link-button" onClick={() => onChange(undefined, undefined)} aria-label="Clear the dates">
            Clear
          </button>
        )}
      </div>
      <div className="date-fields">
        <DateField label="From" value={from} max={to} onCommit={(f) => onChange(f, to)} />
        <DateField label="To" value={to} min={from} onCommit={(t) => onChange(from, t)} />
      </div>
    </section>
  );
}
