/**
 * The filter key the page last settled on, for work that should wait until every panel has drawn (so it never
 * competes with them for the server), such as counting the records without a location.
 */
import { useEffect, useState } from 'react';
import { onSettled, settledKey } from './ready.ts';

/** The last settled filter key (null until the first view has settled). */
export function useSettledKey(): string | null {
  const [key, setKey] = useState(settledKey);
  useEffect(() => onSettled(setKey), []);
  return key;
}
