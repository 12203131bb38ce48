/**
 * The active filters as removable chips ("Country: Pakistan ×"), and one button to clear them all, so a reader
 * always sees what narrows the view and can undo any part of it in one click.
 */
import type { ReactNode } from 'react';
import type { FacetValue } from '../../api/types.ts';
import { formatPeriod } from '../../model/format.ts';
import { filterValueName } from '../../model/describe-filters.ts';
import { clearParam, filterEntries, listParams, setList, type Filters, type IncludeParam, type Param, type StateParam } from '../../model/view-state.ts';
import { useFocusAfterRemoval } from '../use-focus-after-removal.ts';
import { useActorName } from './use-actor-name.ts';

const paramTitles: Record<Exclude<Param, `not_${string}`>, string> = {
  kind: 'Kind', actor: 'Actor', country: 'Country', admin1: 'Province', target: 'Target', tactic: 'Tactic', attribution: 'Attribution',
  dataset: 'Dataset', q: 'Keyword', from: 'From', to: 'To', min_killed: 'At least killed', descendants: 'Branches', bbox: 'Area',
  status: 'Status', visibility: 'Visibility', id: 'Record',
};

export interface FilterChipsProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  countryName: (iso3: string) => string;
  /** Actor facet values, whose labels name actor ids without a request. */
  actorValues: FacetValue[];
  /** Moves focus on when the last chip is gone (a removed chip's focus goes to the next chip while there is one). */
  afterLast: () => void;
}

/** The chips, or nothing when no filter is set. */
export function FilterChips({ filters, onChange, countryName, actorValues, afterLast }: FilterChipsProps) {
  const { list, removing } = useFocusAfterRemoval<HTMLUListElement>('.chip button', afterLast);
  if (filterEntries(filters).length === 0) return null;
  // `text` is the chip's value in words, for the remove button's name ("Remove filter Country not Pakistan").
  const chips: { key: string; title: string; label: ReactNode; text: string; remove: () => void }[] = [];
  const knownActor = (id: string) => actorValues.find((a) => a.value === id)?.label;
  const plain = (param: IncludeParam | StateParam, value: string) => filterValueName(param, value, countryName, (id) => knownActor(id) ?? id);

  for (const param of listParams) {
    // A value left out reads "Country: not Afghanistan".
    const base = (param.startsWith('not_') ? param.slice(4) : param) as IncludeParam | StateParam;
    for (const value of filters[param] ?? []) {
      const remove = () => onChange(setList(filters, param, (filters[param] ?? []).filter((v) => v !== value)));
      const shown = base === 'actor' ? <ActorChip value={value} known={knownActor(value)} /> : plain(base, value);
      const not = base === param ? '' : 'not ';
      chips.push({ key: `${param}=${value}`, title: paramTitles[base], label: <>{not}{shown}</>, text: not + plain(base, value), remove });
    }
  }
  if (filters.from || filters.to) {
    const range = formatPeriod(filters.from, filters.to);
    chips.push({ key: 'dates', title: 'Dates', label: range, text: range, remove: () => onChange(clearParam(clearParam(filters, 'from'), 'to')) });
  }
  for (const param of ['q', 'min_killed', 'bbox'] as const) {
    const v = filters[param];
    if (v) chips.push({ key: param, title: paramTitles[param], label: v, text: v, remove: () => onChange(clearParam(filters, param)) });
  }
  if (filters.descendants === 'false') {
    chips.push({ key: 'descendants', title: 'Branches', label: 'excluded', text: 'excluded', remove: () => onChange(clearParam(filters, 'descendants')) });
  }

  return (
    <div className="chips" role="region" aria-label="Active filters">
      <ul ref={list}>
        {chips.map((c, i) => (
          <li key={c.key} className="chip">
            <span className="chip-title">{c.title}:</span>{' '}
            <span className="chip-value" dir="auto">
              {c.label}
            </span>
            <button type="button" onClick={() => (removing(i), c.remove())} aria-label={`Remove filter ${c.title} ${c.text}`} title="Remove this filter">
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={() => (removing(0), onChange({}))}>
        Clear all filters
      </button>
    </div>
  );
}

function ActorChip({ value, known }: { value: string; known?: string }) {
  const actor = useActorName(value, known);
  if (!actor || actor.name === value || actor.id === value) return <>{actor?.name ?? value}</>;
  return (
    <>
      {value} → {actor.name}
    </>
  );
}
