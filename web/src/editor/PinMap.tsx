/**
 * A small offline map for placing a record by hand: the project's own basemap, the current point as a dot, and a
 * click (or tap) that drops the pin there. The precision of a dropped pin is left for the editor to say.
 */
import { useEffect, useRef } from 'react';
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { basemapStyle } from '../components/map/basemap-style.ts';

setWorkerUrl(new URL(workerUrl, window.location.href).href);

const pointData = (lat: number | null, lon: number | null): GeoJSON.FeatureCollection => ({
  type: 'FeatureCollection',
  features: lat != null && lon != null ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: {} }] : [],
});

/** The map; `onPick` receives the clicked point. */
export function PinMap({ lat, lon, onPick }: { lat: number | null; lon: number | null; onPick: (lat: number, lon: number) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!el.current) return;
    const m = new MapLibreMap({
      container: el.current,
      style: basemapStyle(),
      center: lat != null && lon != null ? [lon, lat] : [45, 30],
      zoom: lat != null ? 6 : 2,
      attributionControl: false,
      dragRotate: false,
    });
    m.addControl(new NavigationControl({ showCompass: false }));
    m.getCanvas().style.cursor = 'crosshair';
    m.on('load', () => {
      m.addSource('pin', { type: 'geojson', data: pointData(lat, lon) });
      m.addLayer({ id: 'pin', type: 'circle', source: 'pin', paint: { 'circle-radius': 7, 'circle-color': '#a3261a', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
      el.current?.setAttribute('data-loaded', 'true');
    });
    m.on('click', (e) => pick.current(Number(e.lngLat.lat.toFixed(5)), Number(e.lngLat.lng.toFixed(5))));
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
    // The map is created once; the point is updated below.
  }, []);

  useEffect(() => {
    const source = map.current?.getSource('pin') as GeoJSONSource | undefined;
    source?.setData(pointData(lat, lon));
  }, [lat, lon]);

  return <div ref={el} className="pin-map" data-testid="pin-map" role="application" aria-label="Map: click to drop the pin" />;
}
