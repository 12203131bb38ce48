/**
 * The shapes of the API's answers, built from the record model and store types of `src/core` (types only:
 * the web app talks to the server over HTTP).
 */
import type { AreaCount, DatasetInfo, FacetName, MapFeatures, RecordPage as StorePage, StatRow, Timeline } from '../../../src/core/event-store.ts';
import type { EventRecord, Kind } from '../../../src/core/record.ts';

export type { EventRecord, Kind, MapFeatures, DatasetInfo };

/** `GET /api/records`: a page of records and how many match in all. */
export type RecordPage = StorePage & { total: number };

/** `GET /api/records/{id}`. */
export interface RecordDetail {
  record: EventRecord;
  linked: { id: string; relation: string; kind: Kind; date: string; title: string }[];
  history: { revision: number; at: string; by: string; comment: string | null; fields: string[] | null }[];
}

export interface FacetValue {
  value: string;
  count: number;
  /** Actor facets: the canonical name of the id in `value`. */
  label?: string;
  /** Actor facets: the names in the filter, as written, that select this value (an alias selects its actor). */
  chosenAs?: string[];
}

/** `GET /api/facets`. */
export interface FacetsResponse {
  total: number;
  /** Of `total`, the records with coordinates. */
  located: number;
  facets: Partial<Record<FacetName, { values: FacetValue[]; other: number }>>;
}

/** `GET /api/timeline`. */
export interface TimelineResponse extends Timeline {
  total: number;
}

/** `GET /api/map/areas`. */
export interface AreasResponse {
  level: 'country' | 'admin1';
  areas: AreaCount[];
}

/** `GET /api/stats`. */
export interface StatsResponse {
  by: string[];
  measures: string[];
  rows: StatRow[];
}

/** One entry of `GET /api/actors?q=`. */
export interface ActorSummary {
  id: string;
  name: string;
  type: string;
  parent: string | null;
  /** The alias the query matched. */
  matched?: string;
  count: number;
  countWithBranches: number;
}

/** `GET /api/actors/{id}`. */
export interface ActorDetail {
  actor: ActorSummary & { aliases: string[] };
  parent: { id: string; name: string } | null;
  branches: { id: string; name: string; count: number }[];
}

/** The API's one error shape. */
export interface ApiErrorBody {
  error: { code: string; message: string; param?: string; hint?: string };
  requestId: string;
}
