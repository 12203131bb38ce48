/**
 * Where: type a place name and pick one of the offline gazetteer's suggestions (which fills country, province,
 * town, coordinates and the precision they have), or drop a pin on the map and say how precise it is. Every part
 * stays editable, and the precision is always shown and chosen, never assumed.
 */
import { useState } from 'react';
import type { PlaceMatch } from '../../../src/core/places.ts';
import type { PlacePrecision } from '../../../src/core/record.ts';
import { apiGet, type FieldError } from '../auth/api-write.ts';
import { placePrecisionLabels } from '../model/labels.ts';
import { Combobox } from './Combobox.tsx';
import { NumberInput, Select, TextInput } from './form-controls.tsx';
import { errorAt, type FormPlace } from './form-model.ts';
import { PinMap } from './PinMap.tsx';
import { useSearch } from './use-search.ts';

const kindOfPlace = { locality: 'town', admin1: 'province', country: 'country' } as const;

/** The place section. */
export function PlaceField({ place, onChange, errors }: { place: FormPlace; onChange: (p: FormPlace) => void; errors: FieldError[] }) {
  const [query, setQuery] = useState('');
  const [pinning, setPinning] = useState(false);
  const set = (patch: Partial<FormPlace>) => onChange({ ...place, ...patch });
  const err = (f: string) => errorAt(errors, `place.${f}`);
  // Once a country is set, suggestions stay inside it.
  const found = useSearch(query, (q) => {
    const country = /^[A-Z]{3}$/.test(place.country ?? '') ? `&country=${place.country}` : '';
    return apiGet<{ places: PlaceMatch[] }>(`places?q=${encodeURIComponent(q)}&limit=8${country}`).then((r) => r.places);
  });

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
  };

  return (
    <fieldset className="form-section place-field">
      <legend>Where</legend>
      <Combobox<PlaceMatch>
        id="place-search"
        label="Find a place (offline gazetteer)"
        placeholder="Town, province or country…"
        testId="place-search"
        listTestId="place-suggestions"
        listLabel="Places"
        query={query}
        onQuery={setQuery}
        options={found}
        optionKey={(s) => `${s.name}-${s.lat}-${s.lon}`}
        renderOption={(s) => (
          <>
            <span dir="auto">{s.name}</span>
            <span className="muted small">
              {' '}
              {[s.admin1 !== s.name ? s.admin1 : null, s.country].filter(Boolean).join(', ')} · {kindOfPlace[s.precision]}
            </span>
          </>
        )}
        onChoose={choose}
      />
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
