/**
 * The basemap, drawn from the project's own files (`/geo/…`): sea, land, country borders and, from zoom 4,
 * province borders. No tiles, fonts, sprites or glyphs are fetched: there are no symbol layers, and labels are
 * drawn as HTML by `label-overlay.ts`.
 */
import type { ExpressionSpecification, FillLayerSpecification, GeoJSONSourceSpecification, LineLayerSpecification, StyleSpecification } from 'maplibre-gl';

export const palette = {
  sea: '#cddbe4',
  land: '#f5f3ee',
  border: '#9f998f',
  province: '#bdb5a8',
  focus: '#111111',
};

/** Absolute URL of a basemap file (MapLibre resolves data URLs in its workers, which have no base URL). */
export function geoUrl(name: string): string {
  return new URL(`/geo/${name}`, window.location.href).href;
}

/** Zoom from which province borders (and the province file) are shown. */
export const provinceZoom = 4;

/** The style with the basemap only; record layers are added by `record-layers.ts`. */
export function basemapStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      // Simplified harder than MapLibre's default (0.375): the outlines are drawn 0.5–1.2 px wide, and every vertex
      // costs a software-rendered frame (no GPU) time — with the land's own antialiased outline dropped (the borders
      // are drawn over it), the map's frame after a filter change takes about half the CPU it did.
      countries: { type: 'geojson', data: geoUrl('countries.geojson'), promoteId: 'iso3', attribution: 'Boundaries: Natural Earth', tolerance: 1.5 },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': palette.sea } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': palette.land, 'fill-antialias': false } },
      {
        id: 'country-shade',
        type: 'fill',
        source: 'countries',
        layout: { visibility: 'none' },
        paint: { 'fill-color': shadeColour(), 'fill-opacity': shadeOpacity() },
      },
      {
        id: 'country-borders',
        type: 'line',
        source: 'countries',
        paint: { 'line-color': palette.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 6, 1.2] },
      },
    ],
  };
}

/** The province source and layers, added the first time the map reaches `provinceZoom`. */
export function provinceLayers(): { source: GeoJSONSourceSpecification; layers: (FillLayerSpecification | LineLayerSpecification)[] } {
  return {
    source: { type: 'geojson', data: geoUrl('admin1.geojson'), promoteId: 'code' },
    layers: [
      {
        id: 'admin1-shade',
        type: 'fill',
        source: 'admin1',
        minzoom: provinceZoom,
        layout: { visibility: 'none' },
        paint: { 'fill-color': shadeColour(), 'fill-opacity': shadeOpacity() },
      },
      {
        id: 'admin1-borders',
        type: 'line',
        source: 'admin1',
        minzoom: provinceZoom,
        paint: { 'line-color': palette.province, 'line-width': 0.7, 'line-dasharray': [3, 2] },
      },
    ],
  };
}

/**
 * The shading ramp (ColorBrewer YlOrBr, readable with the common colour-vision deficiencies), over the share
 * `t` = log(count) / log(max count) that the map puts in each area's feature state.
 */
export const shadeStops: [number, string][] = [
  [0, '#fff7bc'],
  [0.25, '#fec44f'],
  [0.5, '#fe9929'],
  [0.75, '#d95f0e'],
  [1, '#8c2d04'],
];

function shadeColour(): ExpressionSpecification {
  return ['interpolate', ['linear'], ['coalesce', ['feature-state', 't'], 0], ...shadeStops.flat()] as unknown as ExpressionSpecification;
}

/** Areas without records stay unshaded (transparent) rather than the palest colour. */
function shadeOpacity(): ExpressionSpecification {
  return ['case', ['>', ['coalesce', ['feature-state', 'count'], 0], 0], 0.85, 0];
}
