/**
 * Map labels as HTML instead of WebGL text: no glyph server is needed (the app fetches nothing from the
 * internet), and the browser's own fonts render every script — Arabic, Cyrillic — correctly. Labels are placed
 * greedily by priority and dropped when they would overlap one already placed, so the map never gets cluttered.
 * Each label is drawn on the copy of the world nearest the centre of the view.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface MapLabel {
  key: string;
  lon: number;
  lat: number;
  text: string;
  /** Higher first. */
  priority: number;
  minZoom: number;
  className: string;
}

export interface LabelOverlay {
  /** Replaces one group of labels (groups: countries, provinces, counts…). */
  setGroup(name: string, labels: MapLabel[]): void;
  destroy(): void;
}

/** Creates the overlay inside the map's container. */
export function createLabelOverlay(map: MapLibreMap): LabelOverlay {
  const layer = document.createElement('div');
  layer.className = 'map-labels';
  layer.setAttribute('aria-hidden', 'true');
  map.getContainer().appendChild(layer);
  const groups = new Map<string, MapLabel[]>();
  const nodes = new Map<string, HTMLDivElement>();
  let sorted: MapLabel[] = [];
  let frame = 0;

  const node = (label: MapLabel) => {
    let el = nodes.get(label.key);
    if (!el) {
      el = document.createElement('div');
      el.dir = 'auto';
      layer.appendChild(el);
      nodes.set(label.key, el);
    }
    if (el.textContent !== label.text) el.textContent = label.text;
    if (el.className !== label.className) el.className = label.className;
    return el;
  };

  const render = () => {
    frame = 0;
    const zoom = map.getZoom();
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    const centre = map.getCenter().lng;
    const placed: [number, number, number, number][] = [];
    const shown = new Set<string>();
    for (const label of sorted) {
      if (zoom < label.minZoom) continue;
      // The copy of the world nearest the centre, so labels follow the map across the antimeridian.
      const lon = label.lon + Math.round((centre - label.lon) / 360) * 360;
      const p = map.project([lon, label.lat]);
      if (p.x < -50 || p.y < -20 || p.x > width + 50 || p.y > height + 20) continue;
      // Size estimated from the text, so no layout is forced before placement.
      const w = label.text.length * (label.className.includes('count') ? 7 : 6.6) + 8;
      const h = label.className.includes('country') ? 16 : 14;
      const box: [number, number, number, number] = [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
      if (placed.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
      placed.push(box);
      const el = node(label);
      el.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px) translate(-50%, -50%)`;
      el.style.display = '';
      shown.add(label.key);
    }
    for (const [key, el] of nodes) if (!shown.has(key)) el.style.display = 'none';
  };

  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };

  map.on('move', schedule);
  map.on('resize', schedule);

  return {
    setGroup(name, labels) {
      groups.set(name, labels);
      sorted = [...groups.values()].flat().sort((a, b) => b.priority - a.priority);
      const keys = new Set(sorted.map((l) => l.key));
      for (const [key, el] of nodes) {
        if (!keys.has(key)) {
          el.remove();
          nodes.delete(key);
        }
      }
      schedule();
    },
    destroy() {
      cancelAnimationFrame(frame);
      map.off('move', schedule);
      map.off('resize', schedule);
      layer.remove();
    },
  };
}
