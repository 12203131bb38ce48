/**
 * Names of the most active actors by id (one request, shared), for labels of actor ids in charts and captions.
 */
import { apiUrl } from './client.ts';
import type { ActorSummary, FacetValue } from './types.ts';
import { useApi } from './use-api.ts';

/** `(id) => name`, from the top actors and any facet values already at hand; unknown ids are shown as they are. */
export function useActorNames(extra: FacetValue[] = []): (id: string) => string {
  const top = useApi<{ actors: ActorSummary[] }>(apiUrl('actors', [['limit', '100']]));
  return (id: string) => top.data?.actors.find((a) => a.id === id)?.name ?? extra.find((v) => v.value === id)?.label ?? id;
}
