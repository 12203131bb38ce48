/**
 * The map view as the API wants it: a bounding box in [-180, 180] (crossing the antimeridian when minLon >
 * maxLon, as the filter language allows) and an aggregation zoom. Both are snapped to a grid, so small pans and
 * fractional zooms ask the same question again and hit the cache instead of the server.
 */

/** The API zoom for a map zoom: two levels finer than the map's own, so density cells are about 32 px wide. */
export function apiZoom(mapZoom: number): number {
  return Math.min(22, Math.max(0, Math.floor(mapZoom) + 2));
}

const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

/**
 * `minLon,minLat,maxLon,maxLat` of the visible area, padded by a quarter of its size and snapped outwards to a
 * grid that halves with each zoom level. A view wider than the world is the whole world.
 */
export function viewBbox(bounds: { west: number; south: number; east: number; north: number }, mapZoom: number): string {
  const step = 45 / 2 ** Math.max(0, Math.floor(mapZoom));
  const padX = (bounds.east - bounds.west) / 4;
  const padY = (bounds.north - bounds.south) / 4;
  const south = Math.max(-90, Math.floor((bounds.south - padY) / step) * step);
  const north = Math.min(90, Math.ceil((bounds.north + padY) / step) * step);
  let west = Math.floor((bounds.west - padX) / step) * step;
  let east = Math.ceil((bounds.east + padX) / step) * step;
  if (east - west >= 360) {
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
