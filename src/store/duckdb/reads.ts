/**
 * The read side of the DuckDB store: lists, counts, facets, timelines, grouped statistics, map aggregation.
 * Every query goes through `whereClause`, which applies the caller's access scope.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultStatMeasures, facetGroups, spanningRanges, type EventStore, type FacetName, type FacetResult, type MapFeatures, type Page, type StatDimension, type StatMeasure, type StoreFilter, type TimeBucket, type Timeline } from '../../core/event-store.ts';
import type { AccessScope } from '../../core/filter.ts';
import { isValidIsoDate, type EventRecord, type Kind } from '../../core/record.ts';
import { whereClause, type Param } from './where.ts';
import { provinceIn } from '../../core/places.ts';
import { gridBits, gridStep, listSeparator } from './schema.ts';
import type { ConnectionPool } from './duckdb-store.ts';

type Row = Record<string, unknown>;

/** A record from its stored row: the document, with the columns that are kept beside it (status, revision…). */
export const hydrate = (r: Row): EventRecord => hydrateDoc(JSON.parse(String(r.doc)), r);

/** `hydrate`, for a document already parsed. */
export const hydrateDoc = (doc: EventRecord, r: Row): EventRecord => {
  doc.provenance.importedAt = (r.imported_at as string | null) ?? null;
  return { ...doc, status: r.status as EventRecord['status'], visibility: r.visibility as EventRecord['visibility'], revision: Number(r.revision) };
};

/** Expressions for the dimensions of facets and statistics; statistics unnest lists, facets group on their `set` text. */
const dimensionSql: Record<FacetName | StatDimension, { expr: string; list?: boolean; set?: string; label?: string; within?: string }> = {
  kind: { expr: 'kind' },
  country: { expr: 'country' },
  // A province's spellings are one group (its key), shown as the first of them in sort order (countFacets, stats,
  // areas). It is a province of its country: facets count "Northern province" of Sri Lanka and of Sierra Leone apart
  // (`LKA:Northern province`), as statistics group it by country too.
  admin1: { expr: 'admin1_key', label: 'admin1', within: 'country' },
  dataset: { expr: 'dataset' },
  status: { expr: 'status' },
  visibility: { expr: 'visibility' },
  // A record known only to a span wider than a year (or a month) has no year (or month): it is not pinned to a
  // fabricated one, as the timeline sets it apart.
  year: { expr: 'CASE WHEN year(date) = year(date_end) THEN CAST(year(date) AS VARCHAR) END' },
  month: { expr: "CASE WHEN date_trunc('month', date) = date_trunc('month', date_end) THEN strftime(date, '%Y-%m') END" },
  actor: { expr: 'actor_ids', list: true, set: 'actor_set' },
  target: { expr: 'targets', list: true, set: 'target_set' },
  tactic: { expr: 'tactics', list: true, set: 'tactic_set' },
  attribution: { expr: 'attributions', list: true, set: 'attribution_set' },
};

/** Per timeline bucket: a cheap grouping key of a date column, and the bucket's first day from that key `k`. */
const bucketSql: Record<TimeBucket, { key: (column: string) => string; start: string }> = {
  day: { key: (c) => c, start: 'k' },
  // Monday of the week, as date_trunc('week') has it.
  week: { key: (c) => `(${c} - CAST(isodow(${c}) - 1 AS INTEGER))`, start: 'k' },
  month: { key: (c) => `(year(${c}) * 12 + month(${c}) - 1)`, start: 'make_date(CAST(k // 12 AS INTEGER), CAST(k % 12 + 1 AS INTEGER), 1)' },
  year: { key: (c) => `year(${c})`, start: 'make_date(CAST(k AS INTEGER), 1, 1)' },
};

const sortSql = {
  date: { key: 'date', dir: 'ASC' },
  '-date': { key: 'date', dir: 'DESC' },
  killed: { key: 'coalesce(killed_best, -1)', dir: 'ASC' },
  '-killed': { key: 'coalesce(killed_best, -1)', dir: 'DESC' },
} as const;

const encodeCursor = (value: unknown, id: string) => Buffer.from(JSON.stringify([value, id])).toString('base64url');
/** The last sort value and id of the previous page; a date order's value is a date, a casualty order's a number. */
function decodeCursor(cursor: string, byDate: boolean): [string | number, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Counts may be fractional (GTD's 0.5): any finite number.
    const valid = byDate ? typeof v?.[0] === 'string' && isValidIsoDate(v[0]) : Number.isFinite(v?.[0]);
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string' && valid) return v as [string | number, string];
  } catch {
    // fall through to the error below
  }
  throw new RangeError('invalid cursor: pass the `next` value of the previous page unchanged');
}

type Reads = Omit<EventStore, 'write' | 'saveRecord' | 'getCuration' | 'close'>;

/**
 * Parquet export columns: the typed columns analysts filter on, the description, actors and sources. Links are
 * left out: they may name records outside the caller's scope (NDJSON carries complete records, links filtered).
 */
const parquetColumns = [
  'id', 'kind', 'subtype', 'date', 'date_end', 'date_precision', 'country', 'admin1', 'admin2', 'locality', 'lat', 'lon',
  'place_precision', 'target_country', 'killed_best', 'wounded_best', 'actor_ids', 'attributions', 'targets', 'tactics',
  'dataset', 'dataset_version', 'licence', 'attribution', 'status', 'visibility', 'revision',
  "json_extract_string(doc, '$.description') AS description", "json_extract(doc, '$.actors') AS actors", "json_extract(doc, '$.sources') AS sources",
].join(', ');

/** A TIMESTAMP (UTC) as the ISO text `Date.toISOString` writes, which record import times are. */
const isoTime = (sql: string) => `strftime(${sql}, '%Y-%m-%dT%H:%M:%S.%gZ')`;

export function duckdbReads(pool: ConnectionPool): Reads {
  const all = (sql: string, params: Param[] = [], options?: { soon?: boolean }) =>
    pool.use(async (c: DuckDBConnection) => (await c.runAndReadAll(sql, params)).getRowObjectsJS() as Row[], options);

  /**
   * The rows of `ids` that pass `w` (which carries the caller's scope), in the order of `ids`. The ids are looked
   * up through the `records_id` index first and filtered after: DuckDB uses the index only when the id list is
   * the scan's one filter (a page of 50 at 2M records: ~10 ms, against ~150 ms with the filters pushed into the scan).
   */
  async function fetchByIds(ids: string[], w: { sql: string; params: Param[] }, extra = ''): Promise<Row[]> {
    if (!ids.length) return [];
    const rows = await all(
      `WITH hit AS MATERIALIZED (SELECT * FROM records WHERE id IN (${ids.map(() => '?').join(', ')}))
       SELECT doc, imported_at, status, visibility, revision, id${extra} FROM hit WHERE ${w.sql}`,
      [...ids, ...w.params],
      // An index look-up of a few milliseconds, often the last step of a records page: it goes before queued scans.
      { soon: true },
    );
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    return ids.flatMap((id): Row[] => { const r = byId.get(id); return r ? [r] : []; });
  }

  /** Counts per value of `names` under one filter, in one scan; lists are counted on their set text (see schema.ts). */
  async function countFacets(scope: AccessScope, filter: StoreFilter, names: FacetName[], top: number): Promise<Partial<Record<FacetName, FacetResult>>> {
    const w = whereClause(scope, filter);
    const dims = names.map((name, i) => `${dimensionSql[name].set ?? dimensionSql[name].expr} AS d${i}`);
    // A labelled dimension is grouped on its key and its spellings together (a cheap group of two dictionary
    // columns, in its own grouping set only); a key's spellings are summed below and shown as the first in sort
    // order, as statistics and map areas show it (`min`).
    const label = (i: number) => dimensionSql[names[i]!].label;
    const within = (i: number) => dimensionSql[names[i]!].within;
    // Each facet's grouping set: its value, and its spelling and country when it has them.
    const extra = (i: number) =>
      ([[label(i), `l${i}`], [within(i), `w${i}`]] as const).flatMap(([expr, alias]) => (expr ? [[expr, alias] as const] : []));
    const groupSet = (i: number) => [`d${i}`, ...extra(i).map(([, alias]) => alias)];
    const rows = await all(
      `SELECT ${names.map((_, i) => [...groupSet(i), `GROUPING(d${i}) AS g${i}`].join(', ')).join(', ')}, count(*) AS n
       FROM (SELECT ${names.flatMap((_, i) => [dims[i], ...extra(i).map(([expr, alias]) => `${expr} AS ${alias}`)]).join(', ')} FROM records WHERE ${w.sql})
       GROUP BY GROUPING SETS (${names.map((_, i) => `(${groupSet(i).join(', ')})`).join(', ')})`,
      w.params,
    );
    const counts = names.map(() => new Map<string, number>());
    const shownAs = names.map(() => new Map<string, string>());
    for (const r of rows) {
      // GROUPING(d) is 0 in the rows grouped by d.
      const i = names.findIndex((_, k) => Number(r[`g${k}`]) === 0);
      if (r[`d${i}`] == null || r[`d${i}`] === '') continue;
      const qualified = (v: unknown) => (within(i) ? provinceIn((r[`w${i}`] as string | null) ?? null, String(v)) : String(v));
      const value = qualified(r[`d${i}`]);
      const list = dimensionSql[names[i]!].set ? value.split(listSeparator) : [value];
      for (const v of list) counts[i]!.set(v, (counts[i]!.get(v) ?? 0) + Number(r.n));
      const spelling = label(i) && r[`l${i}`] != null ? qualified(r[`l${i}`]) : null;
      const first = shownAs[i]!.get(value);
      if (spelling != null && (first === undefined || spelling < first)) shownAs[i]!.set(value, spelling);
    }
    shownAs.forEach((byKey, i) => {
      if (byKey.size) counts[i] = new Map([...counts[i]!].map(([key, n]) => [byKey.get(key) ?? key, n]));
    });
    return Object.fromEntries(
      names.map((name, i) => {
        const ranked = [...counts[i]!].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
        return [name, { values: ranked.slice(0, top).map(([value, count]) => ({ value, count })), other: ranked.slice(top).reduce((sum, [, n]) => sum + n, 0) }];
      }),
    );
  }

  async function count(scope: AccessScope, filter: StoreFilter): Promise<number> {
    const w = whereClause(scope, filter);
    return Number((await all(`SELECT count(*) AS n FROM records WHERE ${w.sql}`, w.params))[0]!.n);
  }

  return {
    count,

    async totals(scope, filter) {
      const w = whereClause(scope, filter);
      const [r] = await all(`SELECT count(*) AS n, count(lat) AS located FROM records WHERE ${w.sql}`, w.params);
      return { total: Number(r!.n), located: Number(r!.located) };
    },

    async get(scope, id) {
      const rows = await fetchByIds([id], whereClause(scope, {}));
      return rows[0] ? hydrate(rows[0]) : undefined;
    },

    async history(scope, id) {
      if (!(await this.get(scope, id))) return [];
      const rows = await all('SELECT id, revision, CAST(changed_at AS VARCHAR) AS at, changed_by AS by, comment, changes FROM revisions WHERE id = ? ORDER BY revision', [id]);
      return rows.map((r) => ({
        id: String(r.id),
        revision: Number(r.revision),
        at: String(r.at).replace(' ', 'T') + 'Z',
        by: String(r.by),
        comment: (r.comment as string | null) ?? null,
        changes: r.changes == null ? null : JSON.parse(String(r.changes)),
      }));
    },

    async query(scope, filter, page: Page = {}) {
      const limit = Math.min(Math.max(page.limit ?? 50, 1), 1000);
      const sort = sortSql[page.sort ?? '-date'];
      const w = whereClause(scope, filter);
      let where = w.sql;
      const params = [...w.params];
      if (page.cursor) {
        const [value, id] = decodeCursor(page.cursor, sort.key === 'date');
        const op = sort.dir === 'ASC' ? '>' : '<';
        const v = sort.key === 'date' ? 'CAST(? AS DATE)' : '?';
        where += ` AND (${sort.key} ${op} ${v} OR (${sort.key} = ${v} AND id ${op} ?))`;
        params.push(value, value, id);
      }
      // For a date order, the page's last date is found on the date column alone first, so the ids (the tie-break)
      // are read only for the rows up to it: at 2M records ~13 ms instead of ~30 ms.
      const within =
        sort.key === 'date'
          ? ` AND date ${sort.dir === 'DESC' ? '>=' : '<='} coalesce((SELECT date FROM records WHERE ${where} ORDER BY date ${sort.dir} LIMIT 1 OFFSET ${limit}), DATE '${sort.dir === 'DESC' ? '-' : ''}infinity')`
          : '';
      const picked = await all(`SELECT id FROM records WHERE ${where}${within} ORDER BY ${sort.key} ${sort.dir}, id ${sort.dir} LIMIT ${limit + 1}`, within ? [...params, ...params] : params);
      // Late materialisation: the page is picked on the narrow sort columns, then only its documents are read.
      const rows = await fetchByIds(picked.map((r) => String(r.id)), w, `, CAST(${sort.key} AS VARCHAR) AS sort_value`);
      const more = picked.length > limit;
      const pageRows = rows.slice(0, limit);
      const last = pageRows.at(-1);
      const lastValue = last && (sort.key === 'date' ? String(last.sort_value) : Number(last.sort_value));
      return { records: pageRows.map(hydrate), next: more && last ? encodeCursor(lastValue, String(last.id)) : null };
    },

    async facets(scope, filter, facets, top = 10) {
      // One scan per group (GROUPING SETS over the group's facets).
      const counted = await Promise.all(facetGroups(filter, facets).map((g) => countFacets(scope, g.filter, g.names, top)));
      return Object.assign({}, ...counted) as Partial<Record<FacetName, FacetResult>>;
    },

    async timeline(scope, filter, bucket: TimeBucket): Promise<Timeline> {
      const w = whereClause(scope, filter);
      // Group on a number or a date per bucket and make the start date only for the groups: grouping on
      // date_trunc() text was 2-7x slower at 2M records.
      const { key, start } = bucketSql[bucket];
      const rows = await all(
        `SELECT CAST(${start} AS VARCHAR) AS b, inside, kind, n FROM (
           SELECT ${key('date')} AS k, ${key('date')} = ${key('date_end')} AS inside, kind, count(*) AS n FROM records WHERE ${w.sql} GROUP BY ALL
         ) ORDER BY k, kind`,
        w.params,
      );
      const buckets = new Map<string, Timeline['buckets'][number]>();
      const spanning: Timeline['spanning'] = { total: 0, kinds: {}, ranges: [] };
      for (const r of rows) {
        const n = Number(r.n);
        const kind = r.kind as Kind;
        const target = r.inside ? buckets.get(String(r.b)) ?? { start: String(r.b).slice(0, 10), total: 0, kinds: {} } : spanning;
        target.total += n;
        target.kinds[kind] = (target.kinds[kind] ?? 0) + n;
        if (r.inside) buckets.set(String(r.b), target as Timeline['buckets'][number]);
      }
      if (spanning.total) {
        const ranges = await all(
          `SELECT CAST(date AS VARCHAR) AS f, CAST(date_end AS VARCHAR) AS t, sum(n) AS n, string_agg(kind || '=' || n, ',') AS kinds FROM (
             SELECT date, date_end, kind, count(*) AS n FROM records WHERE ${w.sql} AND ${key('date')} <> ${key('date_end')} GROUP BY ALL
           ) GROUP BY ALL ORDER BY n DESC, f, t LIMIT ${spanningRanges}`,
          w.params,
        );
        spanning.ranges = ranges.map((r) => ({
          from: String(r.f),
          to: String(r.t),
          total: Number(r.n),
          kinds: Object.fromEntries(String(r.kinds).split(',').map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])])),
        }));
      }
      return { bucket, buckets: [...buckets.values()], spanning };
    },

    async stats(scope, filter, by: StatDimension[], measures: readonly StatMeasure[] = defaultStatMeasures) {
      const w = whereClause(scope, filter);
      // A province is named within its country ("Northern" is a province of Sri Lanka and of Sierra Leone; Punjab
      // of India and of Pakistan): grouped by admin1, the rows are its country's too.
      const asked = [...new Set(by)];
      const dims = asked.includes('admin1') && !asked.includes('country') ? asked.flatMap((d) => (d === 'admin1' ? (['country', 'admin1'] as const) : [d])) : asked;
      // A labelled dimension is grouped on its key (`<dim>__key`, dropped from the answer) and shown as a label.
      const columns = dims.flatMap((d) => {
        const { expr, label } = dimensionSql[d];
        return label ? [`${expr} AS ${d}__key`, `${label} AS ${d}__label`] : [`${expr} AS ${d}`];
      });
      // List dimensions are crossed (actor × target), not zipped as unnests in one SELECT would be: one level of
      // unnest per list, each repeating the row for its values (a record with none counts once, under null). A
      // lateral join per list said the same and took 4–7× longer at 2M records.
      let rowsSql = `SELECT ${[...columns, 'killed_best', 'wounded_best'].join(', ')} FROM records WHERE ${w.sql}`;
      for (const d of dims.filter((d) => dimensionSql[d].list)) {
        rowsSql = `SELECT * REPLACE (unnest(CASE WHEN len(${d}) = 0 THEN [NULL::VARCHAR] ELSE ${d} END) AS ${d}) FROM (${rowsSql})`;
      }
      const select = dims.flatMap((d) => (dimensionSql[d].label ? [`${d}__key`, `min(${d}__label) AS ${d}`] : [d]));
      const agg: Record<StatMeasure, string> = {
        count: 'count(*) AS count',
        killed: 'sum(killed_best) AS killed',
        wounded: 'sum(wounded_best) AS wounded',
        killed_known: 'count(killed_best) AS killed_known',
        wounded_known: 'count(wounded_best) AS wounded_known',
      };
      const rows = await all(
        `SELECT ${[...select, ...measures.map((m) => agg[m])].join(', ')} FROM (${rowsSql})
         ${dims.length ? `GROUP BY ALL ORDER BY ${dims.map((d) => `${d} NULLS LAST`).join(', ')}` : ''}`,
        w.params,
      );
      return rows.map((r) =>
        Object.fromEntries(Object.entries(r).filter(([k]) => !k.endsWith('__key')).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : (v as string | number | null)])),
      );
    },

    async *stream(scope, filter) {
      const w = whereClause(scope, filter);
      // One streaming scan in the store's order (the order records were written in): DuckDB hands over a chunk at
      // a time, so memory stays flat however many records the export holds. Sorting by date would make DuckDB
      // sort every document first (gigabytes at 2M records); re-querying in keyset pages was 5x slower. A dedicated
      // connection keeps a long download from holding a pooled reader.
      const c = await pool.dedicated();
      try {
        const result = await c.stream(`SELECT doc, imported_at, status, visibility, revision FROM records WHERE ${w.sql}`, w.params);
        for await (const rows of result.yieldRowObjectJs()) for (const r of rows) yield hydrate(r);
      } finally {
        c.closeSync();
      }
    },

    async *exportParquet(scope, filter) {
      const w = whereClause(scope, filter);
      // DuckDB writes Parquet to a file; a private temp directory holds it while it is streamed, then it goes.
      const dir = await mkdtemp(join(tmpdir(), 'sitrep-parquet-'));
      const file = join(dir, 'export.parquet');
      try {
        const c = await pool.dedicated();
        try {
          // The path is ours (mkdtemp), never the caller's, so splicing it is safe; filter values stay bound.
          // Parquet's writer holds whole row groups in memory: more than the reads' limit allows.
          await pool.roomy(() => c.run(`COPY (SELECT ${parquetColumns} FROM records WHERE ${w.sql} ORDER BY date, id) TO '${file.replace(/'/g, "''")}' (FORMAT parquet)`, w.params));
        } finally {
          c.closeSync();
        }
        for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) yield new Uint8Array(chunk as Buffer);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    async map(scope, filter, request): Promise<MapFeatures> {
      const maxFeatures = request.maxFeatures ?? 4000;
      const w = whereClause(scope, filter);
      // Grid coordinates are null exactly when coordinates are.
      const located = `${w.sql} AND grid_y IS NOT NULL`;
      const [minLon, minLat, maxLon, maxLat] = filter.bbox ?? [-180, -90, 180, 90];
      const width = minLon <= maxLon ? maxLon - minLon : 360 - minLon + maxLon;
      // Cells no smaller than a quarter tile, and never more of them than the caller can draw: the first cell of
      // 2^shift grid steps at least that wide. They are counted first, and their counts are the total: a
      // zoomed-out map costs one scan.
      const wanted = Math.max(360 / 2 ** request.zoom / 4, Math.sqrt((width * (maxLat - minLat)) / maxFeatures));
      const shift = Math.min(gridBits, Math.max(0, Math.ceil(Math.log2(wanted / gridStep))));
      const cellSize = gridStep * 2 ** shift;
      const rows = await all(
        `SELECT grid_x >> ${shift} AS cx, grid_y >> ${shift} AS cy, kind, count(*) AS n, sum(grid_x) AS sx, sum(grid_y) AS sy
         FROM records WHERE ${located} GROUP BY ALL ORDER BY cx, cy, kind`,
        w.params,
      );
      const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
      if (total <= maxFeatures || request.zoom >= 9) {
        const points = await all(
          `SELECT id, lon, lat, kind, place_precision, CAST(date AS VARCHAR) AS date FROM records WHERE ${located} ORDER BY date DESC, id LIMIT ${maxFeatures}`,
          w.params,
        );
        return {
          mode: 'points',
          total,
          points: points.map((r) => ({ id: String(r.id), lon: Number(r.lon), lat: Number(r.lat), kind: r.kind as Kind, precision: String(r.place_precision), date: String(r.date) })),
        };
      }
      const cells = new Map<string, { lon: number; lat: number; count: number; kinds: Partial<Record<Kind, number>> }>();
      for (const r of rows) {
        const key = `${r.cx},${r.cy}`;
        const cell = cells.get(key) ?? { lon: 0, lat: 0, count: 0, kinds: {} };
        cell.lon += Number(r.sx);
        cell.lat += Number(r.sy);
        cell.count += Number(r.n);
        cell.kinds[r.kind as Kind] = Number(r.n);
        cells.set(key, cell);
      }
      return {
        mode: 'cells',
        cellSize,
        total,
        // The mean of the cell's records, each at the middle of its grid step.
        cells: [...cells.values()].map((c) => ({ ...c, lon: (c.lon / c.count + 0.5) * gridStep - 180, lat: (c.lat / c.count + 0.5) * gridStep - 90 })),
      };
    },

    async areas(scope, filter, level) {
      const w = whereClause(scope, filter);
      // Provinces grouped on their key, as filters match them: one area whatever the spellings in the data.
      const cols = level === 'country' ? 'country' : 'country, admin1_key, min(admin1) AS admin1';
      const rows = await all(
        `SELECT ${cols}, count(*) AS n, sum(killed_best) AS killed FROM records WHERE ${w.sql} AND country IS NOT NULL GROUP BY ALL ORDER BY n DESC, country${level === 'country' ? '' : ', admin1'}`,
        w.params,
      );
      return rows.map((r) => ({ country: String(r.country), ...(level === 'admin1' ? { admin1: (r.admin1 as string | null) ?? null } : {}), count: Number(r.n), killed: r.killed == null ? null : Number(r.killed) }));
    },

    async datasets(scope) {
      const w = whereClause(scope, {});
      const rows = await all(
        `SELECT d.*, l.last_logged FROM (
           SELECT dataset, list(DISTINCT dataset_version ORDER BY dataset_version) FILTER (WHERE dataset_version IS NOT NULL) AS versions, count(*) AS n,
                  any_value(licence) AS licence, any_value(attribution) AS attribution, max(imported_at) AS last_record
           FROM records WHERE ${w.sql} GROUP BY dataset) d
         LEFT JOIN (SELECT dataset, ${isoTime('max(committed_at)')} AS last_logged FROM (SELECT unnest(datasets) AS dataset, committed_at FROM imports) GROUP BY dataset) l USING (dataset)
         ORDER BY dataset`,
        w.params,
      );
      return rows.map((r) => {
        // Both are ISO times of the same form: the later one is the greater string.
        const times = [r.last_record, r.last_logged].filter((t): t is string => typeof t === 'string').sort();
        return {
          dataset: String(r.dataset),
          versions: (r.versions as string[] | null) ?? [],
          records: Number(r.n),
          licence: (r.licence as string | null) ?? null,
          attribution: (r.attribution as string | null) ?? null,
          lastImport: times.at(-1) ?? null,
        };
      });
    },

    async imports({ dataset, limit = 100 } = {}) {
      const rows = await all(
        `SELECT ${isoTime('committed_at')} AS committed, imported_by, file, format, datasets, read, skipped, rejected, unresolved_actors, inserted, updated, unchanged, archived, seconds
         FROM imports ${dataset ? 'WHERE list_contains(datasets, ?)' : ''} ORDER BY committed_at DESC LIMIT ?`,
        [...(dataset ? [dataset] : []), Math.min(Math.max(Math.trunc(limit), 1), 10_000)],
      );
      return rows.map((r) => ({
        at: String(r.committed),
        by: String(r.imported_by),
        file: String(r.file),
        format: String(r.format),
        datasets: (r.datasets as string[]).map(String),
        read: Number(r.read),
        skipped: Number(r.skipped),
        rejected: Number(r.rejected),
        unresolvedActors: Number(r.unresolved_actors),
        inserted: Number(r.inserted),
        updated: Number(r.updated),
        unchanged: Number(r.unchanged),
        archived: Number(r.archived),
        seconds: Number(r.seconds),
      }));
    },

    async actorCounts(scope) {
      const w = whereClause(scope, {});
      const rows = await all(`SELECT a, count(*) AS n FROM (SELECT unnest(actor_ids) AS a FROM records WHERE ${w.sql}) GROUP BY a`, w.params);
      return new Map(rows.map((r) => [String(r.a), Number(r.n)]));
    },

    async unresolvedActors(scope, filter = {}) {
      const w = whereClause(scope, filter);
      const rows = await all(
        `SELECT name, dataset, count(*) AS n FROM (SELECT unnest(unresolved) AS name, dataset FROM records WHERE ${w.sql}) GROUP BY ALL ORDER BY n DESC, name`,
        w.params,
      );
      return rows.map((r) => ({ name: String(r.name), dataset: String(r.dataset), records: Number(r.n) }));
    },
  };
}
