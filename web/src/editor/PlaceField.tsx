/**
 * Where: type a place name and pick one of the offline gazetteer's suggestions (which fills country, province,
 * town, coordinates and the precision they have), or drop a pin on the map and say how precise it is. Every part
 * stays editable, and the precision is always shown and chosen, never assumed.
 */
import { useEffect, useState } from 'react';
import type { PlaceMatch } from '../../../src/core/places.ts';
import type { PlacePrecision } from '../../../src/core/record.ts';
import { apiGet, type FieldError } from '../auth/api-write.ts';
import { placePrecisionLabels } from '../model/labels.ts';
import { NumberInput, Select, TextInput } from './form-controls.tsx';
import { errorAt, type FormPlace } from './form-model.ts';
import { PinMap } from './PinMap.tsx';

const kindOfPlace = { locality: 'town', admin1: 'province', country: 'country' } as const;

/** The place section. */
export function PlaceField({ place, onChange, errors }: { place: FormPlace; onChange: (p: FormPlace) => void; errors: FieldError[] }) {
  const [query, setQuery] = useState('');
  const [suggestions, setSuggestions] = useState<PlaceMatch[]>([]);
  const [active, setActive] = useState(0);
  const [pinning, setPinning] = useState(false);
  const set = (patch: Partial<FormPlace>) => onChange({ ...place, ...patch });
  const err = (f: string) => errorAt(errors, `place.${f}`);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setSuggestions([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      // Once a country is set, suggestions stay inside it.
      const country = /^[A-Z]{3}$/.test(place.country ?? '') ? `&country=${place.country}` : '';
      apiGet<{ places: PlaceMatch[] }>(`places?q=${encodeURIComponent(q)}&limit=8${country}`).then(
        (r) => live && (setSuggestions(r.places), setActive(0)),
        () => live && setSuggestions([]),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, place.country]);

  const choose = (s: PlaceMatch) => {
    onChange({
      country: s.country,
      admin1: s.admin1,
      admin2: null,
      locality: s.precision === 'locality' ? s.name : null,
      lat: s.lat,
      lon: s.lon,
      precision: s.precision,
    });
    setQuery('');
    setSuggestions([]);
  };

  return (
    <fieldset className="form-section place-field">
      <legend>Where</legend>
      <div className="place-search">
        <label htmlFor="place-search">Find a place (offline gazetteer)</label>
        <input
          id="place-search"
          role="combobox"
          aria-expanded={suggestions.length > 0}
          aria-controls="place-suggestions"
          aria-autocomplete="list"
          placeholder="Town, province or country…"
          value={query}
          data-testid="place-search"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, suggestions.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter' && suggestions[active]) {
              e.preventDefault();
              choose(suggestions[active]!);
            } else if (e.key === 'Escape') setSuggestions([]);
          }}
        />
        {suggestions.length > 0 && (
          <ul id="place-suggestions" role="listbox" className="suggestions" data-testid="place-suggestions">
            {suggestions.map((s, i) => (
              <li key={`${s.name}-${s.lat}-${s.lon}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined} onMouseDown={(e) => (e.preventDefault(), choose(s))}>
                <span dir="auto">{s.name}</span>
                <span className="muted small">
                  {' '}
                  {[s.admin1 !== s.name ? s.admin1 : null, s.country].filter(Boolean).join(', ')} · {kindOfPlace[s.precision]}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="ed-grid">
        <TextInput label="Country (ISO3)" value={place.country} onChange={(v) => set({ country: v ? v.toUpperCase() : null })} error={err('country')} placeholder="AFG" testId="place-country" />
        <TextInput label="Province (admin 1)" value={place.admin1} onChange={(v) => set({ admin1: v })} error={err('admin1')} />
        <TextInput label="District (admin 2)" value={place.admin2} onChange={(v) => set({ admin2: v })} error={err('admin2')} />
        <TextInput label="Town or village" value={place.locality} onChange={(v) => set({ locality: v })} error={err('locality')} testId="place-locality" />
        <NumberInput label="Latitude" value={place.lat} step="any" onChange={(v) => set({ lat: v })} error={err('lat')} testId="place-lat" />
        <NumberInput label="Longitude" value={place.lon} step="any" onChange={(v) => set({ lon: v })} error={err('lon')} testId="place-lon" />
        <Select<PlacePrecision> label="How precise is this place?" value={place.precision} options={placePrecisionLabels} onChange={(v) => set({ precision: v ?? '' })} error={err('precision')} testId="place-precision" />
      </div>
      <button type="button" className="button small" aria-expanded={pinning} onClick={() => setPinning(!pinning)} data-testid="toggle-pin">
        {pinning ? 'Hide the map' : 'Drop a pin on the map'}
      </button>
      {pinning && (
        <>
          <p className="muted small">Click where it happened, then say how precise the pin is.</p>
          <PinMap lat={place.lat} lon={place.lon} onPick={(lat, lon) => set({ lat, lon, precision: '' })} />
        </>
      )}
    </fieldset>
  );
}
