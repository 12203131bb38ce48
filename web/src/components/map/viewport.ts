/**
 * The map view as the API wants it: a bounding box in [-180, 180] (crossing the antimeridian when minLon >
 * maxLon, as the filter language allows) and an aggregation zoom. Both are snapped to a grid, so small pans and
 * fractional zooms ask the same question again and hit the cache instead of the server.
 */
import type { MapFeatures } from '../../api/types.ts';

/** The API zoom for a map zoom: two levels finer than the map's own, so density cells are about 32 px wide. */
export function apiZoom(mapZoom: number): number {
  return Math.min(22, Math.max(0, Math.floor(mapZoom) + 2));
}

const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

/**
 * `minLon,minLat,maxLon,maxLat` of the visible area, padded by a quarter of its size and snapped outwards to a
 * grid that halves with each zoom level. A view wider than the world is the whole world.
 */
export function viewBbox(bounds: Box, mapZoom: number): string {
  const step = 45 / 2 ** Math.max(0, Math.floor(mapZoom));
  const padX = (bounds.east - bounds.west) / 4;
  const padY = (bounds.north - bounds.south) / 4;
  const south = Math.max(-90, Math.floor((bounds.south - padY) / step) * step);
  const north = Math.min(90, Math.ceil((bounds.north + padY) / step) * step);
  let west = Math.floor((bounds.west - padX) / step) * step;
  let east = Math.ceil((bounds.east + padX) / step) * step;
  // Three quarters of the world or more is asked as the whole world: one cacheable question for every
  // low-zoom view, and no thin slice left out behind the antimeridian.
  if (east - west >= 270) {
    west = -180;
    east = 180;
  } else {
    west = wrap(west);
    east = wrap(east);
    // After wrapping, east = -180 means the box ends exactly on the antimeridian.
    if (east === -180) east = 180;
  }
  const n = (v: number) => String(Number(v.toFixed(6)));
  return [west, south, east, north].map(n).join(',');
}

/**
 * The bounds a map of `width`×`height` pixels shows around `center` at `zoom` (Web Mercator, 512-pixel tiles as
 * MapLibre draws them), for asking the API before the map itself exists.
 */
export function boundsAround(center: { lon: number; lat: number }, zoom: number, width: number, height: number) {
  const world = 512 * 2 ** zoom;
  const yOf = (lat: number) => {
    const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * world;
  };
  const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / world))) * 180) / Math.PI;
  const cy = yOf(center.lat);
  const halfLon = (width / 2 / world) * 360;
  return {
    west: center.lon - halfLon,
    east: center.lon + halfLon,
    north: Math.min(85, latOf(Math.max(0, cy - height / 2))),
    south: Math.max(-85, latOf(Math.min(world, cy + height / 2))),
  };
}

/**
 * The centre and zoom that fit `b` in a `width`×`height` map with `padding` pixels kept clear on each side, at
 * most `maxZoom` — what MapLibre's fitBounds would do, worked out before the map exists.
 */
function fitView(
  b: Box,
  width: number,
  height: number,
  padding: { top: number; right: number; bottom: number; left: number },
  maxZoom: number,
): { lon: number; lat: number; zoom: number } {
  const x = (lon: number) => (lon + 180) / 360;
  const y = (lat: number) => {
    const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  };
  const w = Math.max(1, width - padding.left - padding.right);
  const h = Math.max(1, height - padding.top - padding.bottom);
  const dx = Math.max(1e-9, x(b.east) - x(b.west));
  const dy = Math.max(1e-9, y(b.south) - y(b.north));
  const zoom = Math.max(0, Math.min(maxZoom, Math.log2(w / (512 * dx)), Math.log2(h / (512 * dy))));
  const world = 512 * 2 ** zoom;
  // The box sits in the middle of the unpadded area, so the centre moves by half the padding difference.
  const cx = (x(b.west) + x(b.east)) / 2 - (padding.left - padding.right) / 2 / world;
  const cy = (y(b.north) + y(b.south)) / 2 - (padding.top - padding.bottom) / 2 / world;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * cy))) * 180) / Math.PI;
  return { lon: cx * 360 - 180, lat, zoom };
}

/** A box in degrees. */
export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * The box around the records of a map answer, or null when it holds none. Cell positions are the means of their
 * records, and a cell's records reach up to a cell width further, so cells are padded by most of one.
 */
export function recordsBox(data: MapFeatures): Box | null {
  const coords = data.mode === 'cells' ? data.cells : data.points;
  if (!coords.length) return null;
  const pad = data.mode === 'cells' ? data.cellSize * 0.6 : 0.5;
  const lons = coords.map((c) => c.lon);
  const lats = coords.map((c) => c.lat);
  return { west: Math.min(...lons) - pad, east: Math.max(...lons) + pad, south: Math.max(-85, Math.min(...lats) - pad), north: Math.min(85, Math.max(...lats) + pad) };
}

/**
 * The view that frames `box` in a map of `width`×`height`, leaving room at the bottom left for the legend so no
 * record starts hidden under it; null when the box spans most of the world (the world view frames it).
 */
export function frameBox(box: Box, width: number, height: number): { lon: number; lat: number; zoom: number } | null {
  if (box.east - box.west >= 200) return null;
  const padding = height > 420 ? { top: 40, right: 60, bottom: 130, left: 40 } : { top: 24, right: 24, bottom: 24, left: 24 };
  return fitView(box, width, height, padding, 6);
}
