/**
 * Creates the MapLibre map once for a container: the offline basemap, the record layers, HTML labels for
 * countries (and provinces when zoomed in), province borders loaded the first time they are needed.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Map as MapLibreMap, NavigationControl, prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { getJson } from '../../api/client.ts';
import { loadCountryLabels } from '../../model/geo-names.ts';
import type { MapPosition } from '../../model/view-state.ts';
import { basemapStyle, geoUrl, provinceLayers, provinceZoom } from './basemap-style.ts';
import { createLabelOverlay, type LabelOverlay } from './label-overlay.ts';
import type { ProvinceName } from './area-match.ts';
import { addRecordLayers } from './record-layers.ts';

// The worker is a separate file of the build (MapLibre v6 would otherwise look for it beside its own module).
setWorkerUrl(new URL(workerUrl, window.location.href).href);
// Start the worker now: loading and starting it takes longer than anything else before the first map, and it
// can happen while the page renders and the API answers.
prewarm();

/** The view shown before the data says where to look. */
export const worldView: MapPosition = { zoom: 1.3, lat: 25, lon: 30 };

export interface MapHandle {
  map: MapLibreMap | null;
  /** True once the style and the record layers are in place. */
  loaded: boolean;
  labels: LabelOverlay | null;
  /** The province names, once loaded (for shading by province). */
  provinces: ProvinceName[] | null;
}

/**
 * The map in `container`, created with the view `initial` once `ready` (the caller may hold it back until it
 * knows where to look), removed on unmount.
 */
export function useMaplibre(container: RefObject<HTMLDivElement | null>, initial: MapPosition | null, ready: boolean, interactive = true): MapHandle {
  const [handle, setHandle] = useState<MapHandle>({ map: null, loaded: false, labels: null, provinces: null });
  const first = useRef(initial ?? worldView);
  first.current = initial ?? worldView;

  useEffect(() => {
    const el = container.current;
    if (!el || !ready) return;
    let dispose = () => undefined as void;
    // Created a tick later: a WebGL context takes a while to build under software rendering, and the other
    // panels' API requests, started in their own effects after this one, should not wait for it.
    const timer = setTimeout(() => (dispose = createMap(el)), 0);
    return () => {
      clearTimeout(timer);
      dispose();
    };
  }, [container, interactive, ready]);

  function createMap(el: HTMLDivElement): () => void {
    const start = first.current;
    performance.mark('sitrep:map-create');
    const map = new MapLibreMap({
      container: el,
      style: basemapStyle(),
      center: [start.lon, start.lat],
      zoom: start.zoom,
      minZoom: 0.5,
      maxZoom: 14,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      renderWorldCopies: true,
      attributionControl: { compact: true },
      cooperativeGestures: false,
      interactive,
    });
    performance.mark('sitrep:map-created');
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    const labels = createLabelOverlay(map);
    let live = true;

    // 'style.load' (the style is parsed) rather than 'load' (the first frame is drawn): without a GPU the first
    // frame takes seconds, and the records can be on their way meanwhile.
    map.once('style.load', () => {
      performance.mark('sitrep:map-style-loaded');
      addRecordLayers(map);
      if (live) setHandle((h) => ({ ...h, map, loaded: true, labels }));
    });
    setHandle({ map, loaded: false, labels, provinces: null });

    loadCountryLabels().then(
      (list) =>
        live &&
        labels.setGroup(
          'countries',
          list.map((c) => ({ key: `c:${c.iso3}`, lon: c.lon, lat: c.lat, text: c.name, priority: 1e9 + c.population, minZoom: 1.6, className: 'map-label country' })),
        ),
      () => undefined,
    );

    // Province borders and names are large; they load the first time the reader zooms in far enough.
    let provincesAdded = false;
    let styleReady = false;
    const addProvinces = () => {
      if (provincesAdded || !styleReady || map.getZoom() < provinceZoom) return;
      provincesAdded = true;
      const { source, layers } = provinceLayers();
      map.addSource('admin1', source);
      for (const layer of layers) map.addLayer(layer, 'country-borders');
      getJson<ProvinceName[]>(geoUrl('admin1-names.json')).then(
        (names) => {
          if (!live) return;
          labels.setGroup(
            'provinces',
            names.filter((p) => p.polygon).map((p) => ({ key: `p:${p.code}`, lon: p.lon, lat: p.lat, text: p.name, priority: p.population, minZoom: 5, className: 'map-label province' })),
          );
          setHandle((h) => ({ ...h, provinces: names }));
        },
        () => undefined,
      );
    };
    map.on('zoomend', addProvinces);
    map.once('style.load', () => {
      styleReady = true;
      addProvinces();
    });
    map.once('idle', () => performance.mark('sitrep:map-first-idle'));

    // The container changes size with the panels around it, not only with the window.
    const resize = new ResizeObserver(() => map.resize());
    resize.observe(el);

    return () => {
      live = false;
      resize.disconnect();
      labels.destroy();
      map.remove();
    };
  }

  return handle;
}
