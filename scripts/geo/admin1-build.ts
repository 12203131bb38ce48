/**
 * Natural Earth admin-1 polygons → the simplified, GeoNames-linked admin-1 layer in `data/geo/admin1.geojson`
 * and the admin-1 names the gazetteer geocodes.
 *
 * Natural Earth and GeoNames cut some countries at different levels (NE: Italy's provinces, GeoNames: its
 * regions). Each NE polygon is linked to a GeoNames admin-1 code — its own `gn_a1_code` when GeoNames knows it,
 * otherwise the code that most of the GeoNames places inside it carry — and polygons sharing a code are
 * dissolved, so that `locate()` and the gazetteer name the same admin-1 units wherever the data allow.
 * Polygons that link to nothing keep their Natural Earth name and an `ne:` code.
 */
import { countryByIso2, countryByIso3 } from '../../src/core/countries.ts';
import { isLatinName, placeKey } from '../../src/geo/place-name.ts';
import { buildPolygonIndex } from '../../src/geo/polygon-index.ts';
import type { Admin1Name } from '../../src/core/places.ts';
import type { Place } from './geonames.ts';
import { cutAtAntimeridian, ringArea2, type Polygon } from './antimeridian.ts';

interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown } | null;
}
interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** The parts of mapshaper's API used here. */
export interface Mapshaper {
  applyCommands(commands: string, input: Record<string, string>): Promise<Record<string, Buffer | string>>;
}

/** Links decided by hand, with the reason. */
const codeOverrides: Record<string, string> = {
  // FATA merged into Khyber Pakhtunkhwa in 2018; GeoNames no longer has PK.01.
  'PK.01': 'PK.03',
};

/** ISO3 of a Natural Earth admin-1 feature: its geounit if ISO knows it, else its ISO alpha-2. */
function featureIso3(p: Record<string, unknown>): string | undefined {
  const gn = String(p.gn_a1_code ?? '');
  // NE files Crimea and Sevastopol under Russia; ISO 3166, the UN and ACLED keep them in Ukraine.
  if (gn.startsWith('UA.')) return 'UKR';
  const gu = String(p.gu_a3 ?? '');
  if (countryByIso3(gu)) return gu;
  return countryByIso2(String(p.iso_a2 ?? ''))?.iso3;
}

function polygonsOf(g: Feature['geometry']): Polygon[] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates as Polygon];
  if (g.type === 'MultiPolygon') return g.coordinates as Polygon[];
  return [];
}

function largestPart(polygons: Polygon[]): Polygon {
  return polygons.reduce((a, b) => (Math.abs(ringArea2(b[0]!)) > Math.abs(ringArea2(a[0]!)) ? b : a));
}

function round(polygons: Polygon[], digits: number): Polygon[] {
  const f = 10 ** digits;
  return polygons.map((poly) => poly.map((ring) => ring.map((p) => [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f])));
}

function latinNames(values: unknown[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    for (const s of String(v ?? '').split('|')) {
      const t = s.trim();
      const k = placeKey(t);
      if (t && k && !seen.has(k) && isLatinName(t)) {
        seen.add(k);
        out.push(t);
      }
    }
  }
  return out;
}

/**
 * Builds the admin-1 layer and entries.
 * @param intervalMeters mapshaper simplification interval (topology-preserving, so neighbours stay gap-free)
 */
export async function buildAdmin1(
  ne: FeatureCollection,
  places: readonly Place[],
  gnNames: ReadonlyMap<string, string>,
  mapshaper: Mapshaper,
  label: (polygon: Polygon) => [number, number],
  intervalMeters: number,
): Promise<{ layer: FeatureCollection; entries: Admin1Name[] }> {
  // Pass 1: simplify every NE feature, keeping only what later steps need.
  const slim: FeatureCollection = {
    type: 'FeatureCollection',
    features: ne.features.map((f, i) => ({ type: 'Feature', properties: { fi: i }, geometry: f.geometry })),
  };
  const pass1 = await mapshaper.applyCommands(
    `-i in.json -simplify interval=${intervalMeters} keep-shapes -o out.json precision=0.001`,
    { 'in.json': JSON.stringify(slim) },
  );
  const simplified = JSON.parse(String(pass1['out.json'])) as FeatureCollection;

  // Which GeoNames admin-1 codes do the places inside each simplified NE polygon carry?
  const index = buildPolygonIndex(simplified.features.map((f) => f.geometry));
  const votes = simplified.features.map(() => new Map<string, { weight: number; count: number }>());
  const populationInside = new Float64Array(simplified.features.length);
  for (const p of places) {
    const i = index.find(p.lon, p.lat);
    if (i >= 0) populationInside[i]! += p.population;
    if (i < 0 || !p.admin1) continue;
    const v = votes[i]!;
    const t = v.get(p.admin1) ?? { weight: 0, count: 0 };
    // Counted, not population-weighted: one big city (Abidjan inside NE's Lagunes) must not outvote its hinterland.
    t.weight += 1;
    t.count++;
    v.set(p.admin1, t);
  }

  const keyed: Feature[] = [];
  // NE features linked by their own gn_a1_code (or NE-only), per code: the sources of admin-1 aliases.
  const neByCode = new Map<string, Record<string, unknown>[]>();
  const former: Admin1Name[] = [];
  let linkedByGn = 0, linkedByVote = 0, unlinked = 0;
  simplified.features.forEach((sf, i) => {
    const p = ne.features[Number(sf.properties.fi)]!.properties;
    const iso3 = featureIso3(p);
    if (!iso3 || !sf.geometry) return;
    const iso2 = countryByIso3(iso3)!.iso2;
    const ownGn = String(p.gn_a1_code ?? '');
    const gn = codeOverrides[ownGn] ?? ownGn;
    const ranked = [...votes[i]!].filter(([c]) => c.startsWith(`${iso2}.`) && gnNames.has(c)).sort((a, b) => b[1].weight - a[1].weight);
    const total = ranked.reduce((s, [, t]) => s + t.weight, 0);
    const top = ranked[0];
    const share = top ? top[1].weight / total : 0;
    // NE's gn_a1_code is stale where GeoNames renumbered (French departments and Philippine provinces
    // carry codes that now name regions), so enough places that agree outvote it. Tiny units (Malta's
    // councils) lose their shape to simplification and keep their own code.
    const strongVote = top !== undefined && share >= 0.75 && top[1].count >= 5;
    const gnValid = gn.startsWith(`${iso2}.`) && gnNames.has(gn);
    // A stale code has (almost) no places of its own inside; a city polygon such as Kyiv's has some.
    const gnShare = total > 0 ? (votes[i]!.get(gn)?.weight ?? 0) / total : 0;
    let code: string;
    let name: string;
    if (gnValid && (!strongVote || top[0] === gn || gnShare >= 0.1)) {
      code = gn;
      name = gnNames.get(gn)!;
      linkedByGn++;
    } else if (top && (strongVote || share >= 0.6)) {
      if (gnValid) console.log(`admin1: ${iso3} ${String(p.name)} carries ${gn} (${gnNames.get(gn)}), its places say ${top[0]} (${gnNames.get(top[0])})`);
      code = top[0];
      name = gnNames.get(top[0])!;
      linkedByVote++;
    } else {
      code = `ne:${String(p.adm1_code)}`;
      name = String(p.name_en || p.name || p.admin);
      unlinked++;
    }
    keyed.push({ type: 'Feature', properties: { key: `${iso3}|${code}`, iso3, code, name }, geometry: sf.geometry });
    if (gn !== ownGn) {
      // A unit merged into another keeps geocoding under its old names, at its own label point.
      const [lon, lat] = label(largestPart(polygonsOf(sf.geometry)));
      const names = latinNames([p.name_en, p.name, p.name_alt, p.gn_name, p.woe_name]);
      former.push({ code: ownGn, iso3, name: names[0] ?? ownGn, aliases: names.slice(1), lon, lat, population: populationInside[i]!, polygon: false, admin1: name });
    } else if (code === gn || code.startsWith('ne:')) {
      const list = neByCode.get(code) ?? [];
      list.push(p);
      neByCode.set(code, list);
    }
  });
  console.log(`admin1: ${linkedByGn} NE polygons linked by gn_a1_code, ${linkedByVote} by their places, ${unlinked} kept as NE units`);

  // Pass 2: dissolve polygons that share a code.
  const pass2 = await mapshaper.applyCommands(
    '-i in.json -dissolve key copy-fields=iso3,code,name -o out.json precision=0.001',
    { 'in.json': JSON.stringify({ type: 'FeatureCollection', features: keyed }) },
  );
  const dissolved = JSON.parse(String(pass2['out.json'])) as FeatureCollection;

  const features: Feature[] = [];
  const entries: Admin1Name[] = [];
  for (const f of dissolved.features) {
    const polygons = round(cutAtAntimeridian(polygonsOf(f.geometry)), 3);
    if (polygons.length === 0) continue;
    const { iso3, code, name } = f.properties as { iso3: string; code: string; name: string };
    features.push({
      type: 'Feature',
      properties: { iso3, code, name },
      geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons },
    });
    const [lon, lat] = label(largestPart(polygons));
    // Aliases only from a one-to-one link: when provinces were dissolved into a region, a province's
    // name must not geocode to the region.
    const sources = neByCode.get(code) ?? [];
    const aliases = sources.length === 1
      ? latinNames([sources[0]!.name, sources[0]!.name_en, sources[0]!.name_alt, sources[0]!.gn_name, sources[0]!.woe_name]).filter((a) => placeKey(a) !== placeKey(name))
      : [];
    entries.push({ code, iso3, name, aliases, lon, lat, population: 0, polygon: true });
  }

  // Populations: GeoNames places by code, or by containment for NE-only units.
  const finalIndex = buildPolygonIndex(features.map((f) => f.geometry));
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const seenGn = new Map<string, Place[]>();
  for (const p of places) {
    if (p.admin1) {
      const list = seenGn.get(p.admin1) ?? [];
      list.push(p);
      seenGn.set(p.admin1, list);
    }
    const e = p.admin1 ? byCode.get(p.admin1) : undefined;
    if (e) {
      e.population += p.population;
      continue;
    }
    const i = finalIndex.find(p.lon, p.lat);
    const fe = i >= 0 ? entries[i] : undefined;
    if (fe && fe.code.startsWith('ne:')) fe.population += p.population;
  }

  // GeoNames units with no polygon still geocode, to their most populous place.
  for (const [code, name] of gnNames) {
    if (byCode.has(code)) continue;
    const iso3 = countryByIso2(code.split('.')[0] ?? '')?.iso3;
    const members = seenGn.get(code);
    if (!iso3 || !members?.length) continue;
    const capital = members.reduce((a, b) => (b.population > a.population ? b : a));
    entries.push({
      code, iso3, name, aliases: [], lon: capital.lon, lat: capital.lat,
      population: members.reduce((s, m) => s + m.population, 0), polygon: false,
    });
  }
  entries.push(...former);
  return { layer: { type: 'FeatureCollection', features }, entries };
}
