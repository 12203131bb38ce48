/**
 * Names of the most active actors by id (one request, shared), for labels of actor ids in charts and captions.
 */
import { apiUrl } from './client.ts';
import type { ActorSummary, FacetValue } from './types.ts';
import { useApi } from './use-api.ts';

/**
 * `(id) => name`, from any facet values already at hand and, when `wanted`, the top actors (a request that counts
 * every actor's records, so it is only made when a name is missing); unknown ids are shown as they are.
 */
export function useActorNames(extra: FacetValue[] = [], wanted = true): (id: string) => string {
  const top = useApi<{ actors: ActorSummary[] }>(wanted ? apiUrl('actors', [['limit', '100']]) : null);
  return (id: string) => top.data?.actors.find((a) => a.id === id)?.name ?? extra.find((v) => v.value === id)?.label ?? id;
}
