/**
 * The activity map: the offline basemap with the selection drawn as density cells (low zoom) or single records
 * (zoomed in), as a heatmap, or as countries and provinces shaded by their record counts. The view is asked of
 * the API for the visible area only, so it stays fast at any data size; the map position goes to the URL.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Point } from 'geojson';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { provinceValue } from '../../model/provinces.ts';
import { apiUrl, getJson } from '../../api/client.ts';
import type { AreasResponse, Kind, MapFeatures } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { formatCount } from '../../model/format.ts';
import { kindLabels, kindOrder } from '../../model/kinds.ts';
import type { MapMode, MapPosition } from '../../model/view-state.ts';
import { markRendered } from '../../state/ready.ts';
import { provinceMatcher } from './area-match.ts';
import { provinceZoom } from './basemap-style.ts';
import { MapLegend } from './MapLegend.tsx';
import { recordFeatures, recordLayerIds, setFocus, setMode, setRecords } from './record-layers.ts';
import { useMaplibre, worldView } from './use-maplibre.ts';
import { apiZoom, boundsAround, frameBox, recordsBox, viewBbox } from './viewport.ts';
import { ZoomToRecordsControl } from './zoom-to-records.ts';

export interface MapViewProps {
  entries: [string, string][];
  filterKey: string;
  mode: MapMode;
  position: MapPosition | null;
  focus: { lon: number; lat: number; precision: string } | null;
  /** Kinds with records in the selection, for the legend. */
  kinds: Kind[];
  onMove: (position: MapPosition) => void;
  onOpenRecord: (id: string) => void;
  /** A country (admin1 null) or a province — every name the data gives the province's polygon — was clicked. */
  onAreaClick?: (country: string, admin1: string[] | null) => void;
  countryName: (iso3: string) => string;
  interactive?: boolean;
}

interface Viewport {
  zoom: number;
  bbox: string;
}

interface Tip {
  x: number;
  y: number;
  lines: string[];
}

function viewportOf(map: MapLibreMap): Viewport {
  const b = map.getBounds();
  return { zoom: map.getZoom(), bbox: viewBbox({ west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() }, map.getZoom()) };
}

/** The map panel. */
export function MapView(props: MapViewProps) {
  const { entries, filterKey, mode, position, focus, onMove, onOpenRecord, onAreaClick, countryName, interactive = true } = props;
  const container = useRef<HTMLDivElement>(null);
  // Without a position in the address, the map waits (briefly) for the data to say where to look, so its slow
  // first frame is drawn once, at the right place.
  const [frameKnown, setFrameKnown] = useState(position !== null);
  const frame = useRef<MapPosition | null>(null);
  const { map, loaded, labels, provinces } = useMaplibre(container, frame.current ?? position, frameKnown, interactive);
  useEffect(() => {
    if (frameKnown) return;
    const t = setTimeout(() => setFrameKnown(true), 1500);
    return () => clearTimeout(t);
  }, [frameKnown]);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  // The largest count of any shaded area (after provinces the basemap merged are added together).
  const [shadeMax, setShadeMax] = useState(0);
  const fitted = useRef(position !== null);
  const callbacks = useRef({ onMove, onOpenRecord, onAreaClick });
  callbacks.current = { onMove, onOpenRecord, onAreaClick };

  // ---- follow the map: viewport for queries, position for the URL ----
  // Before the map exists (building WebGL is slow without a GPU), the first view is worked out from the
  // container's size, so the records are asked for at once, together with the other panels' data.
  useLayoutEffect(() => {
    const el = container.current;
    if (!el || viewport) return;
    const start = position ?? worldView;
    setViewport({ zoom: start.zoom, bbox: viewBbox(boundsAround(start, start.zoom, el.clientWidth, el.clientHeight), start.zoom) });
    // Once, on mount: later views come from the map itself.
  }, []);

  // Tracked from creation, not from the style's load, so the records are asked for while the basemap loads.
  useEffect(() => {
    if (!map) return;
    const moved = () => {
      setViewport(viewportOf(map));
      const c = map.getCenter();
      callbacks.current.onMove({ zoom: map.getZoom(), lat: c.lat, lon: c.lng });
    };
    setViewport(viewportOf(map));
    map.on('moveend', moved);
    return () => {
      map.off('moveend', moved);
    };
  }, [map]);

  // Back/forward (or a shared link) moves the map; its own moves come back equal and are ignored.
  useEffect(() => {
    if (!map || !position) return;
    const c = map.getCenter();
    if (Math.abs(map.getZoom() - position.zoom) > 0.01 || Math.abs(c.lat - position.lat) > 1e-3 || Math.abs(c.lng - position.lon) > 1e-3) {
      fitted.current = true;
      map.jumpTo({ center: [position.lon, position.lat], zoom: position.zoom });
    }
  }, [map, position]);

  // ---- data ----
  const hasBbox = entries.some(([k]) => k === 'bbox');
  const zoomLevel = viewport ? apiZoom(viewport.zoom) : 0;
  const recordsUrl =
    viewport && mode !== 'shade' ? apiUrl('map', [...entries, ['zoom', String(zoomLevel)], ...(hasBbox ? [] : [['bbox', viewport.bbox] as [string, string]])]) : null;
  const level = viewport && viewport.zoom >= provinceZoom ? 'admin1' : 'country';
  const areasUrl = viewport && mode === 'shade' ? apiUrl('map/areas', [...entries, ['level', level]]) : null;
  const features = useApi<MapFeatures>(recordsUrl);
  const areas = useApi<AreasResponse>(areasUrl);
  const wanted = mode === 'shade' ? areasUrl : recordsUrl;
  const matchProvince = useMemo(() => (provinces ? provinceMatcher(provinces) : null), [provinces]);

  // First visit without a position: frame the data instead of the whole world. Worked out without the map,
  // so the framed view's records are asked for as soon as the world view's answer is in, not once WebGL is up.
  useEffect(() => {
    const el = container.current;
    if (!el || fitted.current || !features.data || features.dataUrl !== recordsUrl) return;
    fitted.current = true;
    setFrameKnown(true);
    const box = recordsBox(features.data);
    const target = box && frameBox(box, el.clientWidth, el.clientHeight);
    if (!target) return; // no records, or records all over the world: the world view is the frame
    frame.current = target;
    setViewport({ zoom: target.zoom, bbox: viewBbox(boundsAround(target, target.zoom, el.clientWidth, el.clientHeight), target.zoom) });
    map?.jumpTo({ center: [target.lon, target.lat], zoom: target.zoom });
  }, [map, features.data, features.dataUrl, recordsUrl]);

  // A frame worked out before the map existed is applied when it appears.
  useEffect(() => {
    if (map && frame.current) map.jumpTo({ center: [frame.current.lon, frame.current.lat], zoom: frame.current.zoom });
  }, [map]);

  // "Zoom to the selected records": the world view's answer for the filter (often already fetched) says where
  // they are. The map does not move by itself when the filter changes: the reader may have put it where they want.
  const worldUrl = apiUrl('map', [...entries, ['zoom', String(apiZoom(worldView.zoom))], ...(hasBbox ? [] : [['bbox', '-180,-90,180,90'] as [string, string]])]);
  const worldUrlNow = useRef(worldUrl);
  worldUrlNow.current = worldUrl;
  useEffect(() => {
    if (!map || !interactive) return;
    const control = new ZoomToRecordsControl(async () => {
      const el = container.current;
      const box = recordsBox(await getJson<MapFeatures>(worldUrlNow.current));
      if (!box || !el) return;
      const target = frameBox(box, el.clientWidth, el.clientHeight) ?? worldView;
      map.easeTo({ center: [target.lon, target.lat], zoom: target.zoom, duration: 600 });
    });
    map.addControl(control, 'top-right');
    return () => void map.removeControl(control);
  }, [map, interactive]);

  // Records and their count labels, given to the map only when they change: a new filter keeps the previous
  // answer on screen until its own arrives, and redrawing that answer would cost a frame for nothing.
  const drawn = useRef<{ data: MapFeatures; mode: MapMode } | null>(null);
  useEffect(() => {
    if (!map || !loaded || !features.data || mode === 'shade' || !fitted.current) return;
    const data = features.data;
    const changed = drawn.current?.data !== data || drawn.current.mode !== mode;
    if (changed) {
      drawn.current = { data, mode };
      setRecords(map, recordFeatures(data));
      // Counts are written in density mode only: over a heatmap they would read as the heat's scale.
      labels?.setGroup('counts', data.mode === 'cells' && mode === 'density' ? countLabels(data.cells) : []);
    }
    if (features.dataUrl !== recordsUrl) return;
    const key = filterKey;
    if (!changed) {
      markRendered('map', key);
      return;
    }
    // New data makes MapLibre draw as it arrives, then go idle; asking for a frame here as well would draw the
    // previous records once more first (without a GPU, 130-200 ms of CPU the other panels are waiting for).
    map.once('idle', () => markRendered('map', key));
  }, [map, loaded, labels, features.data, features.dataUrl, recordsUrl, filterKey, mode]);

  // Shading by country or province.
  useEffect(() => {
    if (!map || !loaded || mode !== 'shade' || !areas.data) return;
    const data = areas.data;
    const source = data.level === 'admin1' ? 'admin1' : 'countries';
    if (!map.getSource(source)) return;
    map.removeFeatureState({ source });
    const counts = new Map<string, number>();
    for (const a of data.areas) {
      const id = data.level === 'admin1' ? (a.admin1 && matchProvince ? matchProvince(a.country, a.admin1) : undefined) : a.country;
      if (id) counts.set(id, (counts.get(id) ?? 0) + a.count);
    }
    const max = Math.max(2, ...counts.values());
    for (const [id, count] of counts) map.setFeatureState({ source, id }, { count, t: Math.log(count) / Math.log(max) });
    setShadeMax(Math.max(0, ...counts.values()));
    labels?.setGroup('counts', []);
    drawn.current = null;
    if (areas.dataUrl === areasUrl) {
      const key = filterKey;
      map.once('idle', () => markRendered('map', key));
      map.triggerRepaint();
    }
  }, [map, loaded, labels, mode, areas.data, areas.dataUrl, areasUrl, filterKey, matchProvince, provinces]);

  useEffect(() => {
    if (map && loaded) setMode(map, mode);
  }, [map, loaded, mode]);

  // A failed request is shown (see below) and ends the wait.
  const failed = (mode === 'shade' ? areas.error : features.error) !== null;
  useEffect(() => {
    if (failed) markRendered('map', filterKey);
  }, [failed, filterKey]);

  // The open record: a ring around it, and the map brought to it when it is out of view.
  useEffect(() => {
    if (!map || !loaded) return;
    setFocus(map, focus);
    if (focus && !map.getBounds().contains([focus.lon, focus.lat])) {
      map.easeTo({ center: [focus.lon, focus.lat], zoom: Math.max(map.getZoom(), 5), duration: 600 });
    }
  }, [map, loaded, focus]);

  // ---- hover and click ----
  useEffect(() => {
    if (!map || !loaded) return;
    const layers = mode === 'shade' ? ['country-shade', ...(map.getLayer('admin1-shade') ? ['admin1-shade'] : [])] : mode === 'density' ? [...recordLayerIds] : [];
    const hit = (e: MapMouseEvent) => (layers.length ? map.queryRenderedFeatures(e.point, { layers }) : []);

    const onMoveMouse = (e: MapMouseEvent) => {
      const f = hit(e);
      map.getCanvas().style.cursor = f.length ? 'pointer' : '';
      const top = f[0];
      if (!top) return setTip(null);
      const p = top.properties as Record<string, unknown>;
      let lines: string[];
      if (mode === 'shade') {
        const name = top.layer.id === 'admin1-shade' ? String(p.name) : countryName(String(p.iso3));
        const count = Number(top.state?.count ?? 0);
        lines = [name, count ? `${formatCount(count)} records — click to filter` : 'no records'];
      } else if (p.cell) {
        const kinds = JSON.parse(String(p.kinds)) as Partial<Record<Kind, number>>;
        lines = [`${formatCount(Number(p.count))} records — click to zoom in`, ...kindOrder.filter((k) => kinds[k]).map((k) => `${kindLabels[k]}: ${formatCount(kinds[k]!)}`)];
      } else {
        const more = f.length > 1 ? [`and ${f.length - 1} more here — zoom in`] : [];
        lines = [`${kindLabels[p.kind as Kind]}, ${String(p.date)}`, `place known to: ${String(p.precision)}`, 'click to open', ...more];
      }
      setTip({ x: e.point.x, y: e.point.y, lines });
    };
    const onLeave = () => {
      map.getCanvas().style.cursor = '';
      setTip(null);
    };
    const onClick = (e: MapMouseEvent) => {
      const top = hit(e)[0];
      if (!top) return;
      const p = top.properties as Record<string, unknown>;
      if (mode === 'shade') {
        if (top.layer.id === 'admin1-shade') {
          // The polygon's count sums every province drawn on it (FATA is part of Khyber Pakhtunkhwa): so does the filter,
          // each within its country (Sri Lanka's Northern province, not Sierra Leone's too).
          const names = (areas.data?.areas ?? []).flatMap((a) => (a.admin1 && matchProvince?.(a.country, a.admin1) === p.code ? [provinceValue(a.country, a.admin1)] : []));
          if (names.length) callbacks.current.onAreaClick?.(String(p.iso3), names);
        } else callbacks.current.onAreaClick?.(String(p.iso3), null);
      } else if (p.cell) {
        const [lon, lat] = (top.geometry as Point).coordinates as [number, number];
        map.easeTo({ center: [lon, lat], zoom: Math.min(map.getZoom() + 2, 12), duration: 500 });
      } else if (p.id) callbacks.current.onOpenRecord(String(p.id));
    };
    map.on('mousemove', onMoveMouse);
    map.on('mouseout', onLeave);
    map.on('click', onClick);
    return () => {
      map.off('mousemove', onMoveMouse);
      map.off('mouseout', onLeave);
      map.off('click', onClick);
    };
  }, [map, loaded, mode, countryName, areas.data, matchProvince]);

  const data = features.data;
  const truncated = mode === 'density' && data?.mode === 'points' && data.total > data.points.length ? data : null;
  const loading = (mode === 'shade' ? areas.loading : features.loading) || (wanted !== null && (mode === 'shade' ? areas.dataUrl : features.dataUrl) !== wanted);

  return (
    <div className="map-wrap" data-testid="map">
      <div
        ref={container}
        className="map"
        role="region"
        aria-label="Map of the selected records. Arrow keys pan, plus and minus zoom. The record list beside the map has the same records."
      />
      {tip && (
        <div className="map-tip" style={{ transform: `translate(${tip.x + 12}px, ${tip.y + 12}px)` }} role="tooltip">
          {tip.lines.map((l, i) => (
            <div key={i} className={i === 0 ? 'tip-title' : undefined} dir="auto">
              {l}
            </div>
          ))}
        </div>
      )}
      {loading && !failed && <div className="map-loading" role="status">Updating the map…</div>}
      {failed && (
        <div className="map-loading error" role="alert">
          Could not load the map: {(mode === 'shade' ? areas.error : features.error)?.message}
        </div>
      )}
      {truncated && (
        <div className="map-note" role="status">
          Showing the {formatCount(truncated.points.length)} most recent of {formatCount(truncated.total)} records in this area. Zoom in or filter to see the rest.
        </div>
      )}
      <MapLegend
        mode={mode}
        kinds={props.kinds}
        drawing={data ? data.mode : null}
        shade={mode === 'shade' && areas.data ? { max: shadeMax, level: areas.data.level } : null}
      />
    </div>
  );
}

/**
 * Counts written inside the larger cells only: a "1" in a small dot says nothing its size does not, and would
 * crowd out the country names.
 */
function countLabels(cells: { lon: number; lat: number; count: number }[]) {
  const max = Math.max(1, ...cells.map((c) => c.count));
  return cells
    .filter((c) => c.count >= 10 && Math.sqrt(c.count / max) >= 0.12)
    .map((c) => ({ key: `n:${c.lon.toFixed(4)},${c.lat.toFixed(4)}`, lon: c.lon, lat: c.lat, text: compact(c.count), priority: 1e15 + c.count, minZoom: 0, className: 'map-label count' }));
}

/** 1234 → 1.2k: short enough to sit inside a circle. */
function compact(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  if (n < 1_000_000) return `${Math.round(n / 1000)}k`;
  return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
}
