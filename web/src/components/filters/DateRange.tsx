/**
 * The time range as two date fields, the keyboard and screen-reader way to set what the timeline brush sets.
 * A record counts when its date range overlaps [from, to].
 */
import { useId } from 'react';

export interface DateRangeProps {
  from?: string;
  to?: string;
  onChange: (from: string | undefined, to: string | undefined) => void;
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
        <label>
          <span>From</span>
          <input type="date" value={from ?? ''} max={to} onChange={(e) => onChange(e.target.value || undefined, to)} />
        </label>
        <label>
          <span>To</span>
          <input type="date" value={to ?? ''} min={from} onChange={(e) => onChange(from, e.target.value || undefined)} />
        </label>
      </div>
    </section>
  );
}
