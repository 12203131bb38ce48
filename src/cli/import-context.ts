/**
 * What importers receive from the outside world: the registry as a resolver, the offline gazetteer and admin-1
 * boundaries as `places`, the clock, and format options read from files the user named (a column mapping).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorRegistry } from '../core/actor-registry.ts';
import { countryByIso3 } from '../core/countries.ts';
import { UserError } from '../core/errors.ts';
import { loadAdmin1Index, type Admin1Index } from '../geo/admin1-lookup.ts';
import { defaultGeoDir } from '../geo/data-dir.ts';
import { loadGazetteer, type Gazetteer, type GeoMatch } from '../geo/gazetteer.ts';
import { placeKey, stripAdminWords } from '../geo/place-name.ts';
import { loadMappingFile, MappingError, type Mapping } from '../sources/mapped/mapping-schema.ts';
import type { ImportContext, PlaceLookup } from '../sources/source-format.ts';

/** The import options this module reads; `format` and `encoding` are filled in from the mapping. */
export interface ImportContextOptions {
  mapping?: string;
  format?: string;
  encoding?: string;
  /** `--gdelt-codes`: CAMEO root codes, comma-separated. */
  gdeltCodes?: string;
}

/**
 * Builds the context of one `sitrep import`. A `--mapping` implies `--format mapped` and supplies the file's
 * encoding unless `--encoding` says otherwise: both are written back into `opts`, which the caller passes on
 * to `runImport`.
 */
export async function loadImportContext(registry: ActorRegistry, opts: ImportContextOptions, places: PlaceLookup | undefined = offlinePlaces()): Promise<ImportContext> {
  const options: Record<string, unknown> = {};
  if (opts.mapping) {
    if (opts.format && opts.format !== 'mapped') {
      throw new UserError(`--mapping works with --format mapped, not --format ${opts.format}`, '--mapping', 'leave out --format, or drop --mapping');
    }
    const mapping = readMapping(opts.mapping);
    Object.assign(options, mappingOptions(mapping, opts.mapping));
    opts.format = 'mapped';
    opts.encoding ??= mapping.encoding;
  } else if (opts.format === 'mapped') {
    throw new UserError('--format mapped needs --mapping FILE', '--mapping', 'write a JSON or YAML mapping (examples in data/mappings/)');
  }
  if (opts.gdeltCodes) options.gdeltRootCodes = opts.gdeltCodes;
  return {
    resolveActor: (name, context) => registry.resolve(name, context)?.id,
    places,
    importedAt: new Date().toISOString(),
    options,
  };
}

/** Reads and validates a mapping file; a bad one is a `UserError` naming the key at fault. */
export function readMapping(path: string): Mapping {
  try {
    return loadMappingFile(path);
  } catch (e) {
    if (e instanceof MappingError) throw new UserError(e.message, '--mapping', 'fix the mapping file (examples in data/mappings/)');
    throw e;
  }
}

/** The `options` the mapped importer reads. */
export function mappingOptions(mapping: Mapping, path: string): Record<string, unknown> {
  // `dataset` lets `--sync` know which dataset a mapped file is the full state of.
  return { mapping, mappingFile: path.split(/[\\/]/).pop(), dataset: mapping.dataset };
}

const gazetteers = new Map<string, Gazetteer>();
/**
 * The gazetteer of `dir`, loaded once per process: it takes ~120 MB and a second to load, and a server uses it both
 * for place suggestions and for imports.
 */
export function sharedGazetteer(dir: string = defaultGeoDir): Gazetteer {
  let gazetteer = gazetteers.get(dir);
  if (!gazetteer) gazetteers.set(dir, (gazetteer = loadGazetteer(dir)));
  return gazetteer;
}

/**
 * `places` over the shipped gazetteer and admin-1 boundaries, or undefined when `data/geo` is missing. Both are
 * loaded on first use (several seconds together), so imports that never ask pay nothing.
 */
export function offlinePlaces(dir: string = defaultGeoDir): PlaceLookup | undefined {
  if (!existsSync(join(dir, 'localities.tsv.gz')) || !existsSync(join(dir, 'admin1.geojson'))) return undefined;
  let admin1: Admin1Index | undefined;
  return {
    geocode(name, countryIso3) {
      const m = geocodeName(sharedGazetteer(dir), name, countryIso3);
      return m && { lat: m.lat, lon: m.lon, country: m.country, admin1: m.admin1, precision: m.precision };
    },
    admin1At(lon, lat) {
      admin1 ??= loadAdmin1Index(dir);
      const hit = admin1.locate(lon, lat);
      return hit && { country: hit.country, admin1: hit.admin1 };
    },
  };
}

/**
 * A name as lists write it: `Austin, Texas` inside the United States is Austin in Texas. When the gazetteer does
 * not know the whole, the first part is taken if its admin-1 agrees with the rest; otherwise the rest (the
 * region) is the answer, coarser but not wrong. With no country given, a region that is a country is where the
 * first part is looked for (`Ala, Italia` is Ala in Trentino, not in Bihar); a region the gazetteer does not know
 * must look like the first part's country or province (`Chimtal District, Afghanistam`, `Hama Province, Syrian`);
 * a region elsewhere than the first part (`Kirkuk, Kurdistan`: Iran has a Kurdistan province) or unlike it
 * (`Tarragona, Philippinas` is not the Spanish city) gives no answer: a record left without a point is seen and
 * fixed, one drawn in the wrong country misleads.
 */
function geocodeName(g: Gazetteer, name: string, country: string | undefined): GeoMatch | undefined {
  const whole = g.lookup(name, country);
  if (whole || !name.includes(',')) return whole;
  const [first, ...rest] = name.split(',').map((s) => s.trim());
  const region = rest.join(', ');
  const place = first ? g.lookup(first, country) : undefined;
  const key = (s: string) => placeKey(stripAdminWords(s) ?? s);
  // `Baga, Borno State`: the admin-1 unit is named with or without its kind word.
  if (place && place.admin1 && key(place.admin1) === key(region)) return place;
  const area = g.lookup(region, country);
  if (country) return area ?? place;
  if (area?.precision === 'country') return (first && g.lookup(first, area.country)) || area;
  if (area) return !place || place.country === area.country ? area : undefined;
  // A misspelt country or province keeps its first letters.
  const start = key(region).slice(0, 4);
  const like = (n: string | null | undefined) => start.length === 4 && !!n && key(n).startsWith(start);
  return place && (like(countryByIso3(place.country)?.name) || like(place.admin1)) ? place : undefined;
}
