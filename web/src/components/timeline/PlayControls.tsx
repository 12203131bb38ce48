/** Play/pause, the window length and the speed of the timeline's playback. */
import { playWindows } from './dates.ts';
import type { PlayState } from './use-play.ts';

const speeds = [0.5, 1, 2, 4];

/** The controls. */
export function PlayControls({ play }: { play: PlayState }) {
  return (
    <div className="play-controls">
      <button type="button" className="button play" onClick={play.toggle} aria-pressed={play.playing} data-testid="play">
        {play.playing ? (
          <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
            <rect x="2" y="1.5" width="3" height="9" fill="currentColor" />
            <rect x="7" y="1.5" width="3" height="9" fill="currentColor" />
          </svg>
        ) : (
          <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
            <path d="M2.5 1.5l8 4.5-8 4.5z" fill="currentColor" />
          </svg>
        )}
        <span>{play.playing ? 'Pause' : 'Play'}</span>
      </button>
      <label>
        <span className="visually-hidden">Window</span>
        <select value={play.window.label} onChange={(e) => play.setWindow(playWindows.find((w) => w.label === e.target.value) ?? playWindows[4])} title="Length of the moving window">
          {playWindows.map((w) => (
            <option key={w.label} value={w.label}>
              {w.label} window
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">Speed</span>
        <select value={play.speed} onChange={(e) => play.setSpeed(Number(e.target.value))} title="Playback speed">
          {speeds.map((s) => (
            <option key={s} value={s}>
              {s}× speed
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
