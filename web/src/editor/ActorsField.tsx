/**
 * Who: actors found in the registry by any of their names (`ISIS-K`, `Wilayat Khurasan`…), each with a role and
 * how the act is tied to them. A name the registry does not know can be added as typed, without an actor id.
 */
import { useState } from 'react';
import type { ActorRole, Attribution } from '../../../src/core/record.ts';
import type { ActorSummary } from '../api/types.ts';
import { apiGet, type FieldError } from '../auth/api-write.ts';
import { useFocusAfterRemoval } from '../components/use-focus-after-removal.ts';
import { attributionLabels, roleLabels } from '../model/labels.ts';
import { Combobox } from './Combobox.tsx';
import { Select } from './form-controls.tsx';
import { errorAt, type FormRecord } from './form-model.ts';
import { useSearch } from './use-search.ts';

type Actor = FormRecord['actors'][number];
type Suggestion = { actor: ActorSummary | null; name: string };
const searchId = 'actor-search';

/** The actors section. */
export function ActorsField({ actors, onChange, errors }: { actors: Actor[]; onChange: (a: Actor[]) => void; errors: FieldError[] }) {
  const [query, setQuery] = useState('');
  // A removed actor's Remove button hands focus to the next actor's, and the last one's to the search below.
  const { list, removing } = useFocusAfterRemoval<HTMLUListElement>('li > button', () => document.getElementById(searchId)?.focus());
  const found = useSearch(query, (q) => apiGet<{ actors: ActorSummary[] }>(`actors?q=${encodeURIComponent(q)}&limit=8`).then((r) => r.actors));
  const add = (a: Actor) => {
    onChange([...actors, a]);
    setQuery('');
  };
  const update = (i: number, patch: Partial<Actor>) => onChange(actors.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  // Registry actors, then the name as typed (kept without an actor id).
  const typed = query.trim();
  const suggestions: Suggestion[] = [...found.map((actor) => ({ actor, name: actor.name })), ...(typed.length > 1 ? [{ actor: null, name: typed }] : [])];

  return (
    <fieldset className="form-section">
      <legend>Who</legend>
      {actors.length > 0 && (
        <ul className="rows" ref={list}>
          {actors.map((a, i) => (
            <li key={i} className="row" data-testid="actor-row">
              <span className="row-title" dir="auto">
                {a.name} {a.actorId ? <span className="muted small">({a.actorId})</span> : <span className="muted small">(not in the registry)</span>}
              </span>
              <Select<ActorRole> label="Role" value={a.role} options={roleLabels} onChange={(v) => v && update(i, { role: v })} error={errorAt(errors, `actors.${i}.role`)} />
              <Select<Attribution> label="Tied by" value={a.attribution} options={attributionLabels} onChange={(v) => v && update(i, { attribution: v })} error={errorAt(errors, `actors.${i}.attribution`)} />
              {errorAt(errors, `actors.${i}.actorId`) && <span className="field-error">{errorAt(errors, `actors.${i}.actorId`)}</span>}
              <button type="button" className="link-button small" onClick={() => (removing(i), onChange(actors.filter((_, j) => j !== i)))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <Combobox<Suggestion>
        id={searchId}
        label="Add an actor (any name or alias)"
        placeholder="ISIS-K, Wilayat Khurasan, TTP…"
        testId="actor-search"
        listLabel="Actors"
        query={query}
        onQuery={setQuery}
        options={suggestions}
        optionKey={(s) => (s.actor ? s.actor.id : `typed:${s.name}`)}
        renderOption={(s) =>
          s.actor ? (
            <>
              {s.actor.name} <span className="muted small">{s.actor.matched && s.actor.matched !== s.actor.name ? `— matched “${s.actor.matched}”` : ''}</span>
            </>
          ) : (
            <>
              Add “{s.name}” as written <span className="muted small">(no registry actor)</span>
            </>
          )
        }
        // The source attributes the act to a registry actor unless the editor says it was claimed or is suspected:
        // a claim is never recorded by default.
        onChoose={(s) => add(s.actor ? { actorId: s.actor.id, name: s.actor.name, role: 'perpetrator', attribution: 'attributed' } : { actorId: null, name: s.name, role: 'perpetrator', attribution: 'unknown' })}
      />
    </fieldset>
  );
}
