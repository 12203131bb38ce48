/**
 * Creates the MapLibre map once for a container: the offline basemap, the record layers, HTML labels for
 * countries (and provinces when zoomed in), province borders loaded the first time they are needed.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
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

/** The map in `container`, created on mount with `initial`, removed on unmount. */
export function useMaplibre(container: RefObject<HTMLDivElement | null>, initial: MapPosition | null, interactive = true): MapHandle {
  const [handle, setHandle] = useState<MapHandle>({ map: null, loaded: false, labels: null, provinces: null });
  const first = useRef(initial ?? worldView);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const start = first.current;
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
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    const labels = createLabelOverlay(map);
    let live = true;

    map.on('load', () => {
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
      if (provincesAdded || !styleReady || map.getZoom() < provinceZoom - 0.5) return;
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
    map.on('load', () => {
      styleReady = true;
      addProvinces();
    });

    // The container changes size with the panels around it, not only with the window.
    const resize = new ResizeObserver(() => map.resize());
    resize.observe(el);

    return () => {
      live = false;
      resize.disconnect();
      labels.destroy();
      map.remove();
    };
  }, [container, interactive]);

  return handle;
}
