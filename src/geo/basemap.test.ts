import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryByIso3 } from '../core/countries.ts';
import { defaultGeoDir } from './data-dir.ts';
import { buildPolygonIndex, type PolygonGeometry } from './polygon-index.ts';

interface Layer {
  type: string;
  features: { id?: string; properties: Record<string, string>; geometry: PolygonGeometry }[];
}

const read = <T>(file: string): T => JSON.parse(readFileSync(join(defaultGeoDir, file), 'utf8')) as T;

/** Largest step in longitude between consecutive vertices of any ring, and whether all coordinates are in range. */
function maxJump(layer: Layer): { jump: number; where: string; inRange: boolean } {
  let worst = { jump: 0, where: '', inRange: true };
  for (const f of layer.features) {
    const g = f.geometry;
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (let i = 0; i < ring.length; i++) {
          const [x = NaN, y = NaN] = ring[i]!;
          if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) worst.inRange = false;
          const jump = i > 0 ? Math.abs(x - ring[i - 1]![0]!) : 0;
          if (jump > worst.jump) worst = { ...worst, jump, where: `${f.properties.iso3} ${f.properties.name}` };
        }
      }
    }
  }
  return worst;
}

describe('basemap files', () => {
  for (const file of ['countries.geojson', 'admin1.geojson']) {
    it(`${file} has no ring that jumps across the antimeridian, and ISO3 ids`, () => {
      const layer = read<Layer>(file);
      expect(layer.type).toBe('FeatureCollection');
      const { jump, where, inRange } = maxJump(layer);
      expect(jump, where).toBeLessThanOrEqual(180);
      expect(inRange).toBe(true);
      for (const f of layer.features) expect(countryByIso3(f.properties.iso3 ?? ''), f.properties.name).toBeDefined();
      expect(statSync(join(defaultGeoDir, file)).size).toBeLessThan(8_000_000);
    });
  }

  it('countries.geojson has one feature per country, including those across 180°', () => {
    const layer = read<Layer>('countries.geojson');
    const ids = layer.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const iso3 of ['RUS', 'FJI', 'ATA', 'USA', 'NZL', 'KIR', 'AFG', 'PAK', 'XKX', 'SOM', 'PSE']) expect(ids).toContain(iso3);
    const index = buildPolygonIndex(layer.features.map((f) => f.geometry));
    const at = (lon: number, lat: number) => layer.features[index.find(lon, lat)]?.id;
    expect(at(178.0, -17.8)).toBe('FJI'); // Viti Levu
    expect(at(-179.97, -16.8)).toBe('FJI'); // Vanua Levu's tip, west of 180
    expect(at(175, 66)).toBe('RUS');
    expect(at(-172.5, 64.5)).toBe('RUS');
    expect(at(0, -85)).toBe('ATA');
    expect(at(179.5, -86)).toBe('ATA'); // beyond the Ross Ice Shelf, which NE counts as sea
    expect(at(-179.5, -86)).toBe('ATA');
    expect(at(-30, 0)).toBeUndefined();
  });

  it('country-labels.json puts each label inside its country', () => {
    const labels = read<{ iso3: string; name: string; lon: number; lat: number; population: number }[]>('country-labels.json');
    const layer = read<Layer>('countries.geojson');
    expect(labels.length).toBe(layer.features.length);
    const index = buildPolygonIndex(layer.features.map((f) => f.geometry));
    const outside = labels.filter((l) => layer.features[index.find(l.lon, l.lat)]?.id !== l.iso3).map((l) => l.iso3);
    // polylabel works on the planar polygon, so every label is inside (tiny atolls may round away).
    expect(outside.length, outside.join(' ')).toBeLessThanOrEqual(5);
    expect(labels.find((l) => l.iso3 === 'AFG')).toMatchObject({ name: 'Afghanistan' });
  });
});
