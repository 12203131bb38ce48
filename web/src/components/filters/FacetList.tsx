/**
 * One facet: the top values of a dimension with live counts (computed by the server with this facet's own filter
 * removed, so the other values stay visible), each a checkbox that adds or removes it from the filter, and a "not"
 * button that leaves it out ("everywhere but Afghanistan").
 */
import { useId, useState } from 'react';
import type { FacetValue } from '../../api/types.ts';
import { formatCount } from '../../model/format.ts';

export interface FacetListProps {
  title: string;
  values: FacetValue[];
  /** Records (or list entries) beyond the values shown. */
  other: number;
  selected: string[];
  /** Values left out (`not_country`…). */
  excluded: string[];
  label: (value: FacetValue) => string;
  onToggle: (value: string) => void;
  onExclude: (value: string) => void;
  onClear: () => void;
  /** Values shown before "Show more". */
  initial?: number;
  loading?: boolean;
}

/** Filters match some values without regard to case (a province typed in a link), so the list does too. */
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
/** The value a chosen `s` stands for: itself, or the actor an alias in a link resolves to (`chosenAs`). */
const stands = (v: FacetValue, s: string) => same(v.value, s) || (v.chosenAs?.some((a) => same(a, s)) ?? false);

/** A titled list of checkboxes with counts and proportional bars. */
export function FacetList({ title, values, other, selected, excluded, label, onToggle, onExclude, onClear, initial = 6, loading }: FacetListProps) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  // Selected and left-out values come first (even outside the top N), so what narrows the view is always in sight.
  const chosen = [...selected, ...excluded];
  const rows = [
    // Count -1 (a dash) for a chosen value missing from the answer: the server lists every chosen value it can
    // count (0 when no record has it under the other filters), so this one is a name no registry actor has.
    // A value may stand for several rows (a province named without its country: Sri Lanka's and Sierra Leone's
    // Northern province), shown as one with their sum.
    ...chosen.map((s) => {
      const counted = values.filter((v) => stands(v, s));
      return counted.length ? { ...counted[0]!, value: s, count: counted.reduce((n, v) => n + v.count, 0) } : { value: s, count: -1 };
    }),
    ...values.filter((v) => !chosen.some((s) => stands(v, s))),
  ];
  const shown = expanded ? rows : rows.slice(0, Math.max(initial, chosen.length));
  const max = Math.max(1, ...values.map((v) => v.count));

  return (
    <section className="facet" aria-labelledby={`${id}-title`} aria-busy={loading || undefined}>
      <div className="facet-head">
        <h3 id={`${id}-title`}>{title}</h3>
        {chosen.length > 0 && (
          <button type="button" className="link-button" onClick={onClear} aria-label={`Clear the ${title.toLowerCase()} filter`}>
            Clear
          </button>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="muted small">{loading ? 'Loading…' : 'None in this selection'}</p>
      ) : (
        <ul className="facet-values">
          {shown.map((v) => {
            const checked = selected.includes(v.value);
            const left = excluded.includes(v.value);
            const text = label(v);
            return (
              <li key={v.value} className={[v.count === 0 && !checked ? 'empty' : '', left ? 'excluded' : ''].join(' ').trim() || undefined}>
                <label>
                  <input type="checkbox" checked={checked} onChange={() => onToggle(v.value)} />
                  <span className="facet-label" dir="auto" title={left ? `${text} (left out)` : text}>
                    {text}
                  </span>
                  {v.count < 0 ? (
                    <span className="facet-count" title="No count: a name no registry actor has, matched as written in the records">
                      —
                    </span>
                  ) : (
                    <span className="facet-count">{formatCount(v.count)}</span>
                  )}
                  <span className="facet-bar" style={{ width: `${(Math.max(0, v.count) / max) * 100}%` }} aria-hidden="true" />
                </label>
                <button type="button" className="row-button" onClick={() => onExclude(v.value)} aria-pressed={left} aria-label={`Not ${text} (leave out)`} title={left ? 'Left out: click to bring it back' : 'Leave out these records'}>
                  not
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {(rows.length > shown.length || expanded) && (
        <button type="button" className="link-button small" onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
          {expanded ? 'Show fewer' : `Show ${rows.length - shown.length} more`}
        </button>
      )}
      {other > 0 && (expanded || rows.length <= shown.length) && <p className="muted small">and {formatCount(other)} in other values</p>}
    </section>
  );
}
