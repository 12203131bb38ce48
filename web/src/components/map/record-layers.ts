/**
 * The records on the map. At low zoom the API sends density cells: circles sized by count and coloured by the
 * kind most of their records are. Zoomed in it sends records: a solid dot where the place is known to a town or
 * better, a hollow ring for a district, and a large faint circle for a province or country — so a reader can tell
 * an exact point from a guess. Heat mode draws the same data as a heatmap.
 */
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Kind, MapFeatures } from '../../api/types.ts';
import { kindColours, kindOrder } from '../../model/kinds.ts';
import { palette } from './basemap-style.ts';

/** How a point's place precision is drawn. */
export type PointClass = 'exact' | 'district' | 'area';

/** exact/locality → exact; admin2 → district; admin1/country/unknown → area. */
export function pointClass(precision: string): PointClass {
  if (precision === 'exact' || precision === 'locality') return 'exact';
  if (precision === 'admin2') return 'district';
  return 'area';
}

export const kindColour = ['match', ['get', 'kind'], ...kindOrder.flatMap((k) => [k, kindColours[k]]), kindColours.other] as unknown as ExpressionSpecification;

/** Layer ids that hold records (for hover and click). */
export const recordLayerIds = ['cells', 'points-area', 'points-district', 'points-exact'] as const;

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Adds the record source and layers (once, after the style has loaded). */
export function addRecordLayers(map: MapLibreMap): void {
  map.addSource('records', { type: 'geojson', data: empty });
  map.addSource('focus', { type: 'geojson', data: empty });
  map.addLayer({
    id: 'heat',
    type: 'heatmap',
    source: 'records',
    layout: { visibility: 'none' },
    paint: {
      'heatmap-weight': ['interpolate', ['linear'], ['get', 'w'], 0, 0, 1, 1],
      'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 0, 1.4, 9, 3],
      'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 0, 18, 6, 32, 10, 40],
      'heatmap-opacity': 0.9,
      'heatmap-color': [
        'interpolate', ['linear'], ['heatmap-density'],
        0, 'rgba(255,247,188,0)', 0.15, '#fee391', 0.4, '#fec44f', 0.6, '#fe9929', 0.8, '#d95f0e', 1, '#8c2d04',
      ],
    },
  });
  map.addLayer({
    id: 'cells',
    type: 'circle',
    source: 'records',
    filter: ['==', ['get', 'cell'], true],
    paint: {
      'circle-radius': ['get', 'r'],
      'circle-color': kindColour,
      'circle-opacity': 0.82,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  });
  map.addLayer({
    id: 'points-area',
    type: 'circle',
    source: 'records',
    filter: ['==', ['get', 'p'], 'area'],
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 9, 8, 18],
      'circle-color': kindColour,
      'circle-opacity': 0.12,
      'circle-stroke-color': kindColour,
      'circle-stroke-width': 1.5,
      'circle-stroke-opacity': 0.9,
    },
  });
  map.addLayer({
    id: 'points-district',
    type: 'circle',
    source: 'records',
    filter: ['==', ['get', 'p'], 'district'],
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 4.5, 10, 7],
      'circle-color': '#ffffff',
      'circle-opacity': 0.7,
      'circle-stroke-color': kindColour,
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: 'points-exact',
    type: 'circle',
    source: 'records',
    filter: ['==', ['get', 'p'], 'exact'],
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 3.5, 10, 5.5],
      'circle-color': kindColour,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  });
  map.addLayer({
    id: 'focus',
    type: 'circle',
    source: 'focus',
    paint: {
      'circle-radius': ['case', ['==', ['get', 'p'], 'area'], 20, 11],
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': palette.focus,
      'circle-stroke-width': 3,
    },
  });
}

/** Largest cell radius in pixels; the smallest is 6. */
const maxRadius = 24;

/** The dominant kind of a cell. */
function dominant(kinds: Partial<Record<Kind, number>>): Kind {
  let best: Kind = 'other';
  let n = -1;
  for (const k of kindOrder) {
    const c = kinds[k] ?? 0;
    if (c > n) [best, n] = [k, c];
  }
  return best;
}

/** The API answer as GeoJSON for the `records` source. */
export function recordFeatures(features: MapFeatures): FeatureCollection {
  if (features.mode === 'cells') {
    const max = Math.max(1, ...features.cells.map((c) => c.count));
    return {
      type: 'FeatureCollection',
      features: features.cells.map((c, i) => ({
        type: 'Feature',
        id: i,
        geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
        properties: {
          cell: true,
          count: c.count,
          kind: dominant(c.kinds),
          kinds: JSON.stringify(c.kinds),
          r: 6 + (maxRadius - 6) * Math.sqrt(c.count / max),
          w: Math.log1p(c.count) / Math.log1p(max),
        },
      })),
    };
  }
  return {
    type: 'FeatureCollection',
    features: features.points.map((p, i) => ({
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { id: p.id, kind: p.kind, p: pointClass(p.precision), precision: p.precision, date: p.date, w: 0.5 },
    })),
  };
}

/** Replaces the records drawn. */
export function setRecords(map: MapLibreMap, data: FeatureCollection): void {
  (map.getSource('records') as GeoJSONSource | undefined)?.setData(data);
}

/** Marks the open record (or clears the mark). */
export function setFocus(map: MapLibreMap, point: { lon: number; lat: number; precision: string } | null): void {
  const data: FeatureCollection = point
    ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [point.lon, point.lat] }, properties: { p: pointClass(point.precision) } }] }
    : empty;
  (map.getSource('focus') as GeoJSONSource | undefined)?.setData(data);
}

/** Shows the layers of one mode: density (cells and points), heat, or shade (areas only). */
export function setMode(map: MapLibreMap, mode: 'density' | 'heat' | 'shade'): void {
  const show = (id: string, on: boolean) => map.getLayer(id) && map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
  show('heat', mode === 'heat');
  for (const id of recordLayerIds) show(id, mode === 'density');
  show('country-shade', mode === 'shade');
  show('admin1-shade', mode === 'shade');
}
