/**
 * The kinds as toggles with live counts and their map colour. With no kind filter every kind is on; unticking one
 * keeps all the others; "only" keeps just that one. Kinds absent from the selection stay listed (dimmed) so a
 * reader sees which categories exist.
 */
import { useState } from 'react';
import type { Kind } from '../../api/types.ts';
import type { FacetValue } from '../../api/types.ts';
import { formatCount } from '../../model/format.ts';
import { kindColours, kindHelp, kindLabels, kindOrder } from '../../model/kinds.ts';

export interface KindTogglesProps {
  counts: FacetValue[];
  selected: string[];
  /** Kinds left out (`not_kind`, from a link): shown unticked; any toggle turns them into a plain kind list. */
  excluded?: string[];
  onChange: (kinds: string[]) => void;
  loading?: boolean;
}

/** The kind filter. */
export function KindToggles({ counts, selected, excluded = [], onChange, loading }: KindTogglesProps) {
  const [showAll, setShowAll] = useState(false);
  const count = (k: Kind) => counts.find((c) => c.value === k)?.count ?? 0;
  // Kinds without records fold away (a reader can still list them to see every category there is).
  const listed = kindOrder.filter((k) => showAll || count(k) > 0 || selected.includes(k));
  const hidden = kindOrder.length - listed.length;
  const on = (k: Kind) => (selected.length === 0 || selected.includes(k)) && !excluded.includes(k);

  const toggle = (k: Kind) => {
    const current = selected.length ? selected : kindOrder.filter((x) => count(x) > 0 && !excluded.includes(x));
    const next = current.includes(k) ? current.filter((x) => x !== k) : [...current, k];
    const present = kindOrder.filter((x) => count(x) > 0);
    // Every kind that has records ticked again means no kind filter at all.
    const all = present.length > 0 && present.every((x) => next.includes(x)) && next.every((x) => present.includes(x as Kind));
    onChange(all ? [] : next);
  };

  return (
    <section className="facet kinds" aria-labelledby="kinds-title" aria-busy={loading || undefined}>
      <div className="facet-head">
        <h3 id="kinds-title">Kind of activity</h3>
        {selected.length + excluded.length > 0 && (
          <button type="button" className="link-button" onClick={() => onChange([])} aria-label="Show every kind">
            All kinds
          </button>
        )}
      </div>
      <ul className="facet-values">
        {listed.map((k) => {
          const n = count(k);
          return (
            <li key={k} className={n === 0 && !selected.includes(k) ? 'empty' : undefined}>
              <label title={kindHelp[k]}>
                <input type="checkbox" checked={on(k)} onChange={() => toggle(k)} data-kind={k} />
                <span className="swatch" style={{ background: kindColours[k] }} aria-hidden="true" />
                <span className="facet-label">{kindLabels[k]}</span>
                <span className="facet-count">{formatCount(n)}</span>
              </label>
              <button type="button" className="only-button" onClick={() => onChange([k])} aria-label={`Show only ${kindLabels[k]}`}>
                only
              </button>
            </li>
          );
        })}
      </ul>
      {(hidden > 0 || showAll) && (
        <button type="button" className="link-button small" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
          {showAll ? 'Hide kinds with no records' : `Show ${hidden} more ${hidden === 1 ? 'kind' : 'kinds'} (no records here)`}
        </button>
      )}
    </section>
  );
}
