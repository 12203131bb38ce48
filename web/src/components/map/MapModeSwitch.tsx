/** The map's display mode as a group of radio buttons: records and density, heat, or shading by area. */
import { mapModes, type MapMode } from '../../model/view-state.ts';

const labels: Record<MapMode, string> = { density: 'Records', heat: 'Heat', shade: 'Shade by area' };

/** The switch. */
export function MapModeSwitch({ mode, onChange }: { mode: MapMode; onChange: (mode: MapMode) => void }) {
  return (
    <div className="segmented map-mode" role="radiogroup" aria-label="Map display">
      {mapModes.map((m) => (
        <button key={m} type="button" role="radio" aria-checked={m === mode} className={m === mode ? 'on' : undefined} onClick={() => onChange(m)}>
          {labels[m]}
        </button>
      ))}
    </div>
  );
}
