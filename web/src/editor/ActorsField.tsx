/**
 * Who: actors found in the registry by any of their names (`ISIS-K`, `Wilayat Khurasan`…), each with a role and
 * how the act is tied to them. A name the registry does not know can be added as typed, without an actor id.
 */
import { useState } from 'react';
import type { ActorRole, Attribution } from '../../../src/core/record.ts';
import type { ActorSummary } from '../api/types.ts';
import { apiGet, type FieldError } from '../auth/api-write.ts';
import { attributionLabels, roleLabels } from '../model/labels.ts';
import { Select } from './form-controls.tsx';
import { errorAt, type FormRecord } from './form-model.ts';
import { useSearch } from './use-search.ts';

type Actor = FormRecord['actors'][number];

/** The actors section. */
export function ActorsField({ actors, onChange, errors }: { actors: Actor[]; onChange: (a: Actor[]) => void; errors: FieldError[] }) {
  const [query, setQuery] = useState('');
  const found = useSearch(query, (q) => apiGet<{ actors: ActorSummary[] }>(`actors?q=${encodeURIComponent(q)}&limit=8`).then((r) => r.actors));
  const add = (a: Actor) => {
    onChange([...actors, a]);
    setQuery('');
  };
  const update = (i: number, patch: Partial<Actor>) => onChange(actors.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  return (
    <fieldset className="form-section">
      <legend>Who</legend>
      {actors.length > 0 && (
        <ul className="rows">
          {actors.map((a, i) => (
            <li key={i} className="row" data-testid="actor-row">
              <span className="row-title" dir="auto">
                {a.name} {a.actorId ? <span className="muted small">({a.actorId})</span> : <span className="muted small">(not in the registry)</span>}
              </span>
              <Select<ActorRole> label="Role" value={a.role} options={roleLabels} onChange={(v) => v && update(i, { role: v })} error={errorAt(errors, `actors.${i}.role`)} />
              <Select<Attribution> label="Tied by" value={a.attribution} options={attributionLabels} onChange={(v) => v && update(i, { attribution: v })} error={errorAt(errors, `actors.${i}.attribution`)} />
              {errorAt(errors, `actors.${i}.actorId`) && <span className="field-error">{errorAt(errors, `actors.${i}.actorId`)}</span>}
              <button type="button" className="link-button small" onClick={() => onChange(actors.filter((_, j) => j !== i))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="search-add">
        <label htmlFor="actor-search">Add an actor (any name or alias)</label>
        <input id="actor-search" value={query} placeholder="ISIS-K, Wilayat Khurasan, TTP…" data-testid="actor-search" onChange={(e) => setQuery(e.target.value)} />
        {(found.length > 0 || query.trim().length > 1) && (
          <ul className="suggestions" role="listbox" aria-label="Actors">
            {found.map((s) => (
              <li key={s.id} role="option" aria-selected={false} onMouseDown={(e) => (e.preventDefault(), add({ actorId: s.id, name: s.name, role: 'perpetrator', attribution: 'claimed' }))}>
                {s.name} <span className="muted small">{s.matched && s.matched !== s.name ? `— matched “${s.matched}”` : ''}</span>
              </li>
            ))}
            {query.trim().length > 1 && (
              <li role="option" aria-selected={false} onMouseDown={(e) => (e.preventDefault(), add({ actorId: null, name: query.trim(), role: 'perpetrator', attribution: 'unknown' }))}>
                Add “{query.trim()}” as written <span className="muted small">(no registry actor)</span>
              </li>
            )}
          </ul>
        )}
      </div>
    </fieldset>
  );
}
