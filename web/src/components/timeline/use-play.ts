/**
 * The play button's engine: moves a window of fixed length forward one bucket at a time. A step waits for the
 * page to show the previous one (or for a few intervals, if the server is slow), so playback never skips frames
 * silently and never floods the server.
 */
import { useEffect, useRef, useState } from 'react';
import type { TimeBucket } from '../../../../src/core/event-store.ts';
import { bucketStart, nextBucket, playWindows, windowEnd } from './dates.ts';

export type PlayWindow = (typeof playWindows)[number];

export interface PlayState {
  playing: boolean;
  toggle: () => void;
  stop: () => void;
  speed: number;
  setSpeed: (s: number) => void;
  window: PlayWindow;
  setWindow: (w: PlayWindow) => void;
}

/**
 * `onStep(from, to)` is called with each window; `domain` bounds the run (first day, day after the last).
 * `from` is where the current selection starts, if any.
 */
export function usePlay(bucket: TimeBucket, domain: [string, string] | null, from: string | undefined, onStep: (from: string, to: string) => void): PlayState {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [win, setWin] = useState<PlayWindow>(playWindows[4]);
  const position = useRef<string | null>(null);
  const step = useRef(onStep);
  step.current = onStep;

  useEffect(() => {
    if (!playing || !domain) return;
    // Step by a month at least: day steps over decades would take hours.
    const unit: TimeBucket = bucket === 'year' ? 'year' : bucket === 'month' || bucket === 'week' ? 'month' : 'week';
    const interval = 900 / speed;
    let last = 0;
    if (!position.current) {
      position.current = from && from < domain[1] ? bucketStart(from, unit) : domain[0];
      step.current(position.current, windowEnd(position.current, win));
      last = performance.now();
    }
    const timer = setInterval(() => {
      const now = performance.now();
      const settled = window.__sitrep?.settled() ?? true;
      if (now - last < interval || (!settled && now - last < interval * 4)) return;
      const next = nextBucket(position.current!, unit);
      if (next >= domain[1]) {
        setPlaying(false);
        return;
      }
      position.current = next;
      last = now;
      step.current(next, windowEnd(next, win));
    }, 50);
    return () => clearInterval(timer);
    // `from` only seeds the start (following it would restart the loop on every step); the domain is compared
    // by value, as each render builds a new array.
  }, [playing, speed, win, bucket, domain?.[0], domain?.[1]]);

  return {
    playing,
    toggle: () => {
      if (!playing) position.current = null;
      setPlaying(!playing);
    },
    stop: () => setPlaying(false),
    speed,
    setSpeed,
    window: win,
    setWindow: setWin,
  };
}
