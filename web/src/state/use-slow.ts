/**
 * `useSlow(pending)`: true once `pending` has lasted `delayMs`. Loading cues (the "updating…" label, dimmed
 * stale records) use it, so they show for slow answers instead of flashing for every quick one; each flash
 * is a repaint, and where the page is drawn in software a repaint costs CPU the answer is waiting for.
 */
import { useEffect, useState } from 'react';

export function useSlow(pending: boolean, delayMs = 800): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!pending) return setSlow(false);
    const timer = setTimeout(() => setSlow(true), delayMs);
    return () => clearTimeout(timer);
  }, [pending, delayMs]);
  return pending && slow;
}
