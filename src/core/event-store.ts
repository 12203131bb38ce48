/**
 * The EventStore port: everything the CLI, the importers and the server need from a backend.
 * Backends live in `src/store/<name>/` and all pass one contract suite (`src/store/contract.ts`).
 *
 * Every read takes an `AccessScope` first, and the backend intersects the caller's `status`/`visibility`
 * filters with it, so no endpoint can forget to hide drafts and internal records.
 */
import type { AccessScope, EventFilter } from './filter.ts';
import type { EventRecord, Kind } from './record.ts';
import type { CuratorOverlay } from './curation.ts';
import type { ImportReport } from './importing.ts';

/** A filter whose actor names have been resolved through the registry (see `resolveActorFilter`). */
export interface StoreFilter extends Omit<EventFilter, 'actor' | 'not_actor' | 'descendants'> {
  /** Canonical actor ids, descendants already included; a record matches when any of its actors is one. */
  actorIds?: string[];
  /** Normalised names (see `normalizeName`) of actors the registry does not know, matched verbatim. */
  actorNames?: string[];
  /** Like `actorIds` and `actorNames`, for `not_actor`: a record with any of these actors does not match. */
  notActorIds?: string[];
  notActorNames?: string[];
}

export type SortOrder = 'date' | '-date' | 'killed' | '-killed';

export interface Page {
  sort?: SortOrder;
  /** At most 1000. */
  limit?: number;
  /** Opaque cursor from a previous page's `next`. */
  cursor?: string;
}

/** One page of records. How many match in all is `count()`'s answer, asked apart so it can be shared and cached. */
export interface RecordPage {
  records: EventRecord[];
  next: string | null;
}

export const facetNames = ['kind', 'country', 'admin1', 'actor', 'target', 'tactic', 'attribution', 'dataset', 'status', 'visibility', 'year'] as const;
export type FacetName = (typeof facetNames)[number];
export interface FacetCount {
  value: string;
  count: number;
}
export interface FacetResult {
  values: FacetCount[];
  other: number;
}

/** The filter keys a facet is counted without, so a reader sees what widening the selection would add. */
const facetOwnFilter: Partial<Record<FacetName, (keyof StoreFilter)[]>> = {
  kind: ['kind', 'not_kind'], country: ['country', 'not_country'], admin1: ['admin1', 'not_admin1'], dataset: ['dataset', 'not_dataset'],
  status: ['status'], visibility: ['visibility'], actor: ['actorIds', 'actorNames', 'notActorIds', 'notActorNames'],
  target: ['target', 'not_target'], tactic: ['tactic', 'not_tactic'], attribution: ['attribution', 'not_attribution'],
};

/**
 * `names` grouped by the filter each facet is counted under: facets whose own filter is not set share `filter`
 * (one scan can count them all); a facet whose own filter is set gets `filter` without it, in a group of its own.
 */
export function facetGroups(filter: StoreFilter, names: readonly FacetName[]): { filter: StoreFilter; names: FacetName[] }[] {
  const groups = new Map<string, { filter: StoreFilter; names: FacetName[] }>();
  for (const name of new Set(names)) {
    const own = (facetOwnFilter[name] ?? []).filter((key) => filter[key] !== undefined);
    const narrowed = { ...filter };
    for (const key of own) delete narrowed[key];
    const group = groups.get(own.length ? name : '') ?? { filter: narrowed, names: [] };
    group.names.push(name);
    groups.set(own.length ? name : '', group);
  }
  return [...groups.values()];
}

export const statDimensions = ['kind', 'country', 'admin1', 'actor', 'target', 'tactic', 'dataset', 'year', 'month'] as const;
export type StatDimension = (typeof statDimensions)[number];
/**
 * What a grouped table can count: records, the sums of the best estimates killed and wounded (unknown figures are
 * left out, never summed as 0), and how many of the records have a known figure (`killed_known`), so a brief can
 * say "1,230 killed in the 23 of 27 attacks with a known toll".
 */
export const statMeasures = ['count', 'killed', 'wounded', 'killed_known', 'wounded_known'] as const;
export type StatMeasure = (typeof statMeasures)[number];
/** The measures of a table when none are asked for. */
export const defaultStatMeasures: readonly StatMeasure[] = ['count', 'killed', 'wounded'];
/** One row of a grouped table: the dimension values, then `count`, `killed`, `wounded` (sums of `best`). */
export type StatRow = Record<string, string | number | null>;

/** The most date ranges a timeline lists for the records it sets apart (`Timeline.spanning.ranges`). */
export const spanningRanges = 1000;
export interface SpanningRange {
  from: string;
  to: string;
  total: number;
  kinds: Partial<Record<Kind, number>>;
}

export const timeBuckets = ['day', 'week', 'month', 'year'] as const;
export type TimeBucket = (typeof timeBuckets)[number];
export interface Timeline {
  bucket: TimeBucket;
  /** Buckets in date order; `start` is the bucket's first day; counts by kind. */
  buckets: { start: string; total: number; kinds: Partial<Record<Kind, number>> }[];
  /**
   * Records whose date range spans more than one bucket: counted here, not in any bucket. `ranges` says which
   * periods they span: their date ranges (first and last possible day) with counts by kind, largest first, then by
   * date; every range unless there are more than `spanningRanges`, when the largest.
   */
  spanning: { total: number; kinds: Partial<Record<Kind, number>>; ranges: SpanningRange[] };
}

export interface MapRequest {
  zoom: number;
  /** Cap on features returned; cells are coarsened until they fit. */
  maxFeatures?: number;
}
export type MapFeatures =
  | { mode: 'cells'; cellSize: number; cells: { lon: number; lat: number; count: number; kinds: Partial<Record<Kind, number>> }[]; total: number }
  | { mode: 'points'; points: { id: string; lon: number; lat: number; kind: Kind; precision: string; date: string }[]; total: number };

export interface AreaCount {
  country: string;
  admin1?: string | null;
  count: number;
  /** The sum of the known best estimates; null when no record's count is known (unknown is never 0). */
  killed: number | null;
}

export interface Revision {
  id: string;
  revision: number;
  at: string;
  by: string;
  comment: string | null;
  /** Fields changed from the previous revision, with old and new values; null for the first revision. */
  changes: { field: string; old: unknown; new: unknown }[] | null;
}

export interface DatasetInfo {
  dataset: string;
  versions: string[];
  records: number;
  licence: string | null;
  attribution: string | null;
  lastImport: string | null;
}

export interface WriteOptions {
  /** Who writes: a user name, or `import:<dataset>`. */
  by: string;
  comment?: string;
  /** Archive the records of this dataset that the write does not contain (a full re-import). */
  syncDataset?: string;
  /** Called with the counts once everything is staged, before anything is committed; throw to abort. */
  beforeCommit?: (summary: WriteSummary) => void | Promise<void>;
  /**
   * An import's write: what to log about the file, asked after `beforeCommit`. The entry is committed with the
   * records (`imports` lists it), so the log never names an import that did not happen, nor misses one that did.
   */
  importedFile?: () => ImportedFile;
  /**
   * How far the write into the store is (0–1) once every record is staged, told a few times a second: merging a
   * large import takes a while after its last row is read.
   */
  onWriting?: (fraction: number) => void;
}

/** What an import read from its file (its report's own part), as the log keeps it beside the write's counts. */
export type ImportedFile = Pick<ImportReport, 'file' | 'format' | 'datasets' | 'read' | 'skipped' | 'rejected' | 'unresolvedActors' | 'seconds'>;

/** One committed import: when, by whom, the file, and what it did to the store. */
export interface ImportLogEntry extends ImportedFile, WriteSummary {
  at: string;
  by: string;
}

/** How a curator's save is made: who, why, and the revision the edit started from. */
export interface SaveOptions {
  /** The user name. */
  by: string;
  comment?: string;
  /**
   * The revision the editor started from: 0 to create a record (refused if the id exists), otherwise the
   * record's revision as the editor read it (refused with `ConflictError` if it has moved on since).
   */
  baseRevision: number;
  /** The curator's note on the record: a new text, null to clear it, left out to keep it. */
  note?: string | null;
}

export interface WriteSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  archived: number;
}

export interface UnresolvedActor {
  name: string;
  dataset: string;
  records: number;
}

export interface EventStore {
  /** Upserts records by id in one transaction: new ids insert, changed ones get a new revision, equal ones are left. */
  write(records: AsyncIterable<EventRecord> | Iterable<EventRecord>, options: WriteOptions): Promise<WriteSummary>;
  /**
   * Saves one record as a curator's edit: a new revision if its content changed (none if it did not), atomically
   * checked against `baseRevision` so that two editors saving from the same revision cannot overwrite each other.
   * Returns the record as stored.
   * @throws ConflictError (nothing written) when the record is no longer at `baseRevision`.
   * @throws RecordNotFoundError when `baseRevision` > 0 and there is no such record.
   */
  saveRecord(record: EventRecord, options: SaveOptions): Promise<EventRecord>;
  /**
   * What curators added to a record (see `src/core/curation.ts`): tags, links, status and visibility kept across
   * re-imports, and their note. Undefined when no curator has saved the record. Not scoped: callers check first
   * that the caller may see the record.
   */
  getCuration(id: string): Promise<CuratorOverlay | undefined>;
  get(scope: AccessScope, id: string): Promise<EventRecord | undefined>;
  history(scope: AccessScope, id: string): Promise<Revision[]>;
  query(scope: AccessScope, filter: StoreFilter, page?: Page): Promise<RecordPage>;
  count(scope: AccessScope, filter: StoreFilter): Promise<number>;
  /** How many records match, and how many of them have coordinates (the rest cannot be drawn on a map). */
  totals(scope: AccessScope, filter: StoreFilter): Promise<{ total: number; located: number }>;
  /**
   * Counts per value of each facet, each computed without its own filter (so a selection can be widened): the top
   * `top` values (default 10; `Infinity` for all) and the sum of the rest as `other`.
   */
  facets(scope: AccessScope, filter: StoreFilter, facets: readonly FacetName[], top?: number): Promise<Partial<Record<FacetName, FacetResult>>>;
  timeline(scope: AccessScope, filter: StoreFilter, bucket: TimeBucket): Promise<Timeline>;
  stats(scope: AccessScope, filter: StoreFilter, by: StatDimension[], measures?: readonly StatMeasure[]): Promise<StatRow[]>;
  /** Every matching record, streamed with flat memory, in the order the store keeps them (the order they were written). */
  stream(scope: AccessScope, filter: StoreFilter): AsyncIterable<EventRecord>;
  /**
   * Optional: the matching records as one Parquet file (typed columns, description, actors and sources), in
   * date order, as chunks of bytes with flat memory. A backend that cannot write Parquet leaves it out.
   */
  exportParquet?(scope: AccessScope, filter: StoreFilter): AsyncIterable<Uint8Array>;
  map(scope: AccessScope, filter: StoreFilter, request: MapRequest): Promise<MapFeatures>;
  areas(scope: AccessScope, filter: StoreFilter, level: 'country' | 'admin1'): Promise<AreaCount[]>;
  /**
   * The datasets with records in scope. `lastImport` is the last committed import of the dataset (an import that
   * changed nothing counts: the data was checked then), or, for records written before the log, their import time.
   */
  datasets(scope: AccessScope): Promise<DatasetInfo[]>;
  /**
   * The import log, newest first: every committed import, with the file's name and counts. Not scoped (it names
   * files and users, not records): callers check first that the caller may import.
   */
  imports(options?: { dataset?: string; limit?: number }): Promise<ImportLogEntry[]>;
  /** Record counts per canonical actor id (records of branches not added to their parent). */
  actorCounts(scope: AccessScope): Promise<Map<string, number>>;
  /** Actor names no registry actor matched, with their record counts, among the records `filter` selects. */
  unresolvedActors(scope: AccessScope, filter?: StoreFilter): Promise<UnresolvedActor[]>;
  close(): Promise<void>;
}
