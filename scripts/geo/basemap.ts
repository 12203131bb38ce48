/**
 * world-atlas (Natural Earth 1:50m countries, TopoJSON) → `countries.geojson` with ISO3 ids, cut at the
 * antimeridian, and `country-labels.json` with one label point per country.
 */
import { countryByIso3, iso3FromCountryName, iso3FromIsoNumeric } from '../../src/core/countries.ts';
import { cutAtAntimeridian, ringArea2, type Polygon } from './antimeridian.ts';

interface Geometry {
  type: string;
  coordinates: unknown;
}
interface TopoFeature {
  id?: string | number;
  properties: { name?: string };
  geometry: Geometry | null;
}

/** world-atlas leaves these without an ISO numeric id. */
const unnumbered: Record<string, string> = {
  Kosovo: 'XKX',
  'N. Cyprus': 'CYP',
  Somaliland: 'SOM',
  'Indian Ocean Ter.': 'AUS',
  'Siachen Glacier': 'IND',
};

/** A country label point. */
export interface CountryLabel {
  iso3: string;
  name: string;
  lon: number;
  lat: number;
}

function polygonsOf(g: Geometry | null): Polygon[] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates as Polygon];
  if (g.type === 'MultiPolygon') return g.coordinates as Polygon[];
  return [];
}

/**
 * Builds the country layer. Features that share an ISO3 (Cyprus and Northern Cyprus, Somalia and Somaliland)
 * are merged into one MultiPolygon, so a choropleth keyed on ISO3 has one feature per country.
 */
export function buildCountries(
  features: readonly TopoFeature[],
  label: (polygon: Polygon) => [number, number],
): { layer: { type: 'FeatureCollection'; features: unknown[] }; labels: CountryLabel[] } {
  const byIso3 = new Map<string, Polygon[]>();
  for (const f of features) {
    const name = f.properties.name ?? '';
    const iso3 = (f.id !== undefined ? iso3FromIsoNumeric(f.id) : undefined) ?? unnumbered[name] ?? iso3FromCountryName(name);
    if (!iso3) {
      console.log(`basemap: no ISO3 for ${name} (${String(f.id)}), skipped`);
      continue;
    }
    const list = byIso3.get(iso3) ?? [];
    list.push(...cutAtAntimeridian(polygonsOf(f.geometry)));
    byIso3.set(iso3, list);
  }
  const out: unknown[] = [];
  const labels: CountryLabel[] = [];
  for (const [iso3, polys] of [...byIso3].sort((a, b) => a[0].localeCompare(b[0]))) {
    const rounded = polys.map((poly) => poly.map((ring) => ring.map((p) => [Math.round(p[0]! * 1000) / 1000, Math.round(p[1]! * 1000) / 1000])));
    const name = countryByIso3(iso3)!.name;
    out.push({
      type: 'Feature',
      id: iso3,
      properties: { iso3, name },
      geometry: rounded.length === 1 ? { type: 'Polygon', coordinates: rounded[0] } : { type: 'MultiPolygon', coordinates: rounded },
    });
    // Label the largest part: France's label belongs in France, not in French Guiana.
    const largest = rounded.reduce((a, b) => (Math.abs(ringArea2(b[0]!)) > Math.abs(ringArea2(a[0]!)) ? b : a));
    const [lon, lat] = label(largest);
    labels.push({ iso3, name, lon, lat });
  }
  return { layer: { type: 'FeatureCollection', features: out }, labels };
}
