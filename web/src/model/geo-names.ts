/**
 * Country names for codes, from the basemap's label file (`/geo/country-labels.json`), loaded once and shared.
 * The web app may not import the server's country table, and the map needs this file anyway for its labels.
 */
import { useEffect, useState } from 'react';
import { getJson } from '../api/client.ts';

/** One country label point: where the map writes the name, and a population used to rank labels. */
export interface CountryLabel {
  iso3: string;
  name: string;
  lon: number;
  lat: number;
  population: number;
}

export const countryLabelsUrl = '/geo/country-labels.json';

let names: Map<string, string> | undefined;

/** Loads the label file (cached). */
export function loadCountryLabels(): Promise<CountryLabel[]> {
  return getJson<CountryLabel[]>(countryLabelsUrl);
}

/** `(iso3) => name`, falling back to the code until the file has loaded (or for codes it lacks). */
export function useCountryName(): (iso3: string) => string {
  const [map, setMap] = useState(names);
  useEffect(() => {
    if (map) return;
    let live = true;
    loadCountryLabels().then(
      (labels) => {
        names = new Map(labels.map((l) => [l.iso3, l.name]));
        if (live) setMap(names);
      },
      () => undefined, // Without names the codes still read; the map reports the load failure itself.
    );
    return () => {
      live = false;
    };
  }, [map]);
  return (iso3: string) => map?.get(iso3) ?? iso3;
}
