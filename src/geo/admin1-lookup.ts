/**
 * Point → country and admin-1 unit, offline, from the simplified Natural Earth admin-1 layer in
 * `data/geo/admin1.geojson` (built by `scripts/geo/build.ts`).
 *
 * @example
 *   const admin1 = loadAdmin1Index();
 *   admin1.locate(71.578, 34.008); // { country: 'PAK', admin1: 'Khyber Pakhtunkhwa', code: 'PK.03', snapped: false }
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultGeoDir } from './data-dir.ts';
import { buildPolygonIndex, type PolygonGeometry } from './polygon-index.ts';

/** The answer of {@link Admin1Index.locate}. */
export interface Admin1Location {
  /** ISO 3166-1 alpha-3. */
  country: string;
  /** Admin-1 name, GeoNames' spelling where the unit is linked to GeoNames (`Khyber Pakhtunkhwa`). */
  admin1: string;
  /** GeoNames admin-1 code (`PK.03`), or `ne:` + Natural Earth's code for units GeoNames does not have. */
  code: string;
  /** True when the point lay outside every polygon and was matched to the nearest one within `snapKm`. */
  snapped: boolean;
}

/** Options of {@link loadAdmin1Index}. */
export interface Admin1IndexOptions {
  /**
   * Points off every polygon but within this many kilometres of one are given to the nearest: the
   * simplified coastline (about 2 km tolerance) cuts off harbours and beaches. 0 disables it. Default 5.
   */
  snapKm?: number;
}

/** A loaded admin-1 index. */
export interface Admin1Index {
  /** The country and admin-1 unit containing (lon, lat), or undefined at sea and for invalid coordinates. */
  locate(lon: number, lat: number): Admin1Location | undefined;
  /** Number of admin-1 units indexed. */
  readonly size: number;
}

interface LayerFeature {
  properties: { iso3: string; name: string; code: string };
  geometry: PolygonGeometry | null;
}

/**
 * Loads `admin1.geojson` from `dir` (default `data/geo`) and indexes it; takes about a second.
 * Callers should load once and keep the index.
 */
export function loadAdmin1Index(dir: string = defaultGeoDir, options: Admin1IndexOptions = {}): Admin1Index {
  const snapKm = options.snapKm ?? 5;
  const layer = JSON.parse(readFileSync(join(dir, 'admin1.geojson'), 'utf8')) as { features: LayerFeature[] };
  const features = layer.features;
  const index = buildPolygonIndex(features.map((f) => f.geometry));
  const answer = (i: number, snapped: boolean): Admin1Location => {
    const p = features[i]!.properties;
    return { country: p.iso3, admin1: p.name, code: p.code, snapped };
  };
  return {
    size: features.length,
    locate(lon: number, lat: number): Admin1Location | undefined {
      const i = index.find(lon, lat);
      if (i >= 0) return answer(i, false);
      const j = index.nearest(lon, lat, snapKm);
      return j >= 0 ? answer(j, true) : undefined;
    },
  };
}
