/**
 * The map's key: what each colour is (the kinds present in the selection), how precision is drawn (solid dot,
 * hollow ring, large faint circle), what the numbered circles are, and in heat or shading mode the ramp.
 */
import { useState } from 'react';
import type { Kind } from '../../api/types.ts';
import { formatCount } from '../../model/format.ts';
import { kindColours, kindLabels, kindOrder } from '../../model/kinds.ts';
import type { MapMode } from '../../model/view-state.ts';
import { shadeStops } from './basemap-style.ts';

export interface MapLegendProps {
  mode: MapMode;
  /** Kinds with records in the selection (all kinds when unknown). */
  kinds: Kind[];
  /** cells or points: what the density mode is drawing now. */
  drawing: 'cells' | 'points' | null;
  /** Shading: the largest area count and the level shaded. */
  shade?: { max: number; level: 'country' | 'admin1' } | null;
}

/** The legend box. */
export function MapLegend({ mode, kinds, drawing, shade }: MapLegendProps) {
  const shown = kindOrder.filter((k) => kinds.includes(k));
  // Open on screens with room for it; folded on phones, where it would cover much of the map.
  const [open] = useState(() => typeof window === 'undefined' || !window.matchMedia('(max-width: 820px)').matches);
  return (
    <details className="map-legend" open={open}>
      <summary>Legend</summary>
      {mode === 'density' && (
        <ul className="legend-kinds">
          {shown.map((k) => (
            <li key={k}>
              <span className="legend-dot" style={{ background: kindColours[k] }} aria-hidden="true" />
              {kindLabels[k]}
            </li>
          ))}
        </ul>
      )}
      {mode === 'density' && drawing === 'points' && (
        <ul className="legend-precision">
          <li>
            <svg width="22" height="16" aria-hidden="true">
              <circle cx="11" cy="8" r="4.5" fill="#555" stroke="#fff" strokeWidth="1" />
            </svg>
            exact place or town
          </li>
          <li>
            <svg width="22" height="16" aria-hidden="true">
              <circle cx="11" cy="8" r="5" fill="#fff" stroke="#555" strokeWidth="2" />
            </svg>
            district only
          </li>
          <li>
            <svg width="22" height="22" aria-hidden="true">
              <circle cx="11" cy="11" r="9.5" fill="#555" fillOpacity="0.12" stroke="#555" strokeWidth="1.5" />
            </svg>
            province or country only (at its centre, where the source gives one)
          </li>
        </ul>
      )}
      {mode === 'density' && drawing === 'cells' && (
        <p className="legend-note">
          <svg width="22" height="22" aria-hidden="true">
            <circle cx="11" cy="11" r="9" fill="#777" fillOpacity="0.8" stroke="#fff" strokeWidth="1.5" />
          </svg>
          Groups of nearby records, sized by count and coloured by their most common kind. Zoom in for single records.
        </p>
      )}
      {mode === 'heat' && (
        <div className="legend-ramp">
          <span>fewer</span>
          <span className="ramp" style={{ background: `linear-gradient(to right, ${shadeStops.map(([, c]) => c).join(', ')})` }} aria-hidden="true" />
          <span>more records</span>
        </div>
      )}
      {mode === 'shade' && (
        <div className="legend-ramp">
          <span>1</span>
          <span className="ramp" style={{ background: `linear-gradient(to right, ${shadeStops.map(([, c]) => c).join(', ')})` }} aria-hidden="true" />
          <span>{shade ? formatCount(shade.max) : '…'} records per {shade?.level === 'admin1' ? 'province' : 'country'} (log scale)</span>
        </div>
      )}
    </details>
  );
}
