/**
 * What an actor filter value resolves to: the canonical actor behind an id or alias ("ISIS-K" → Islamic State
 * Khorasan Province), or null while unknown. Uses the search endpoint rather than `/api/actors/{id}`, so a name
 * the registry does not know is an empty answer, not a failed request.
 */
import { apiUrl } from '../../api/client.ts';
import type { ActorSummary } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';

/** Case-, accent- and punctuation-insensitive form, close to the registry's own matching. */
export function looseName(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The actor `value` names, or null (unknown to the registry, or not loaded yet). */
export function useActorName(value: string, known?: string): { id: string; name: string } | null {
  const answer = useApi<{ actors: ActorSummary[] }>(known ? null : apiUrl('actors', [['q', value], ['limit', '5']]));
  if (known) return { id: value, name: known };
  const hit = answer.data?.actors.find(
    (a) => a.id === value || looseName(a.name) === looseName(value) || (a.matched !== undefined && looseName(a.matched) === looseName(value)),
  );
  return hit ? { id: hit.id, name: hit.name } : null;
}
