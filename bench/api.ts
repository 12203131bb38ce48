/**
 * The API benchmark (issue #4): 2,000,000 synthetic records in a DuckDB file, then
 *  1. the dashboard set (a records page of 50, five facets, a month timeline, a world-zoom map) through
 *     `app.request`, against the same SQL run directly on the same file with @duckdb/node-api (the raw baseline);
 *  2. an HTTP load: 20 concurrent connections on loopback at /api/facets?facet=kind&facet=country for ~10 s;
 *  3. the CSV export of every record, streamed through `app.request`, twice, with the peak RSS growth of each (the
 *     first also fills DuckDB's block cache up to its memory limit; the second runs on a server whose cache is full).
 * Targets are reported, not asserted: median ≤ 1.5× raw, p95 < 300 ms, ≥ 300 req/s, export RSS growth < 200 MB
 * (both exports).
 * The raw comparison runs with the API's answer cache off; the load runs with it on (as deployed) and off.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ActorRegistry } from '../src/core/actor-registry.ts';
import type { EventStore } from '../src/core/event-store.ts';
import type { EventRecord } from '../src/core/record.ts';
import type { ServerOptions } from '../src/server/context.ts';
import { createApp } from '../src/server/app.ts';
import { loadRegistry, openStore } from '../src/cli/wiring.ts';
import { startServer } from '../src/cli/serve-command.ts';
import { syntheticRecords } from './synthetic.ts';
import { gridStep } from '../src/store/duckdb/schema.ts';

export interface ApiBenchOptions {
  records?: number;
  iterations?: number;
  loadSeconds?: number;
  connections?: number;
  log?: (line: string) => void;
  /** An existing store file to measure instead of writing a new one (kept afterwards). */
  dbFile?: string;
}

/** The requests a dashboard makes when it opens (the web app fires them together). */
export const dashboardUrls = [
  '/api/records?limit=50',
  '/api/facets?facet=kind&facet=country&facet=actor&facet=target&facet=dataset',
  '/api/timeline?bucket=month',
  '/api/map?zoom=1',
];

// The SQL the store runs for those requests under the public scope (src/store/duckdb/reads.ts), run raw.
const scope = "status IN ('published') AND visibility IN ('public')";
// The five facets in one scan, lists on their set text (migration 5); the store splits the sets in JavaScript.
const facetDims = ['kind', 'country', 'actor_set', 'target_set', 'dataset'];
const countSql = `SELECT count(*) AS n FROM records WHERE ${scope}`;
// The cell the store picks at zoom 1 for the whole world with at most 4000 cells, in grid steps (2^shift).
const worldShift = Math.ceil(Math.log2(Math.max(360 / 2 ** 1 / 4, Math.sqrt((360 * 180) / 4000)) / gridStep));
/** A raw step: one SQL statement, or statements that depend on each other's answers, on one connection. */
type RawStep = string | ((c: DuckDBConnection) => Promise<unknown>);
/** The records page as the store reads it: the page's ids on the sort columns, then their rows through the id index. */
async function rawRecordsPage(c: DuckDBConnection) {
  const cut = `coalesce((SELECT date FROM records WHERE ${scope} ORDER BY date DESC LIMIT 1 OFFSET 50), DATE '-infinity')`;
  const ids = (await c.runAndReadAll(`SELECT id FROM records WHERE ${scope} AND date >= ${cut} ORDER BY date DESC, id DESC LIMIT 51`)).getRowObjectsJS().map((r) => String(r.id));
  return c.runAndReadAll(
    `WITH hit AS MATERIALIZED (SELECT * FROM records WHERE id IN (${ids.map(() => '?').join(', ')}))
     SELECT doc, imported_at, status, visibility, revision, id, CAST(date AS VARCHAR) AS sort_value FROM hit WHERE ${scope}`,
    ids,
  );
}
/** Raw steps per dashboard request, in the order of `dashboardUrls`. */
export const rawSql: RawStep[][] = [
  [rawRecordsPage, countSql],
  [
    `SELECT count(*) AS n, count(lat) AS located FROM records WHERE ${scope}`,
    `SELECT ${facetDims.map((d, i) => `d${i}, GROUPING(d${i}) AS g${i}`).join(', ')}, count(*) AS n
     FROM (SELECT ${facetDims.map((d, i) => `${d} AS d${i}`).join(', ')} FROM records WHERE ${scope}) GROUP BY GROUPING SETS (${facetDims.map((_, i) => `(d${i})`).join(', ')})`,
  ],
  [
    `SELECT CAST(make_date(CAST(k // 12 AS INTEGER), CAST(k % 12 + 1 AS INTEGER), 1) AS VARCHAR) AS b, inside, kind, n FROM (
       SELECT year(date) * 12 + month(date) - 1 AS k, year(date) * 12 + month(date) - 1 = year(date_end) * 12 + month(date_end) - 1 AS inside, kind, count(*) AS n
       FROM records WHERE ${scope} GROUP BY ALL) ORDER BY k, kind`,
  ],
  [
    `SELECT grid_x >> ${worldShift} AS cx, grid_y >> ${worldShift} AS cy, kind, count(*) AS n, sum(grid_x) AS sx, sum(grid_y) AS sy FROM records WHERE ${scope} AND grid_y IS NOT NULL GROUP BY ALL ORDER BY cx, cy, kind`,
  ],
];

const ms = (t: number) => Math.round(t * 10) / 10;
function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: ms(at(0.5)), p95: ms(at(0.95)) };
}

/** Times `a` and `b` alternately (after one warm-up run each, which loads the file into DuckDB's buffers). */
async function timePair(a: () => Promise<unknown>, b: () => Promise<unknown>, iterations: number): Promise<[number[], number[]]> {
  await a();
  await b();
  const out: [number[], number[]] = [[], []];
  for (let i = 0; i < iterations; i++) {
    for (const [k, fn] of i % 2 ? ([[1, b], [0, a]] as const) : ([[0, a], [1, b]] as const)) {
      const t = performance.now();
      await fn();
      out[k].push(performance.now() - t);
    }
  }
  return out;
}

/** A few drafts and internal records among the published ones, so the scope filter does real work. */
function* benchRecords(count: number): Generator<EventRecord> {
  let i = 0;
  for (const r of syntheticRecords(count)) {
    i++;
    yield i % 97 === 0 ? { ...r, status: 'draft' } : i % 89 === 0 ? { ...r, visibility: 'internal' } : r;
  }
}

/** `connections` loops fetching one facet URL from a server on loopback for `seconds` (and at most 200,000 requests). */
async function httpLoad(store: EventStore, registry: ActorRegistry, options: Partial<ServerOptions>, connections: number, seconds: number) {
  const server = await startServer(store, registry, '127.0.0.1', 0, options);
  const url = `${server.url}/api/facets?facet=kind&facet=country`;
  let ok = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < deadline && ok + errors < 200_000) {
      try {
        const res = await fetch(url);
        await res.arrayBuffer();
        if (res.ok) ok++;
        else errors++;
      } catch {
        errors++;
      }
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  await server.close(1000);
  return { requests: ok, errors, seconds: Math.round(elapsed * 10) / 10, perSecond: Math.round(ok / elapsed) };
}

/** Runs the benchmark and prints it; returns the figures. */
export async function benchApi(options: ApiBenchOptions = {}) {
  const { records = 2_000_000, iterations = 30, loadSeconds = 10, connections = 20, log = (l: string) => console.log(l) } = options;
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-api-'));
  const file = options.dbFile ?? join(dir, 'api.duckdb');
  try {
    const t = performance.now();
    // Opened as `sitrep serve` opens it (with its default memory limit), so memory figures are the server's.
    let store = await openStore({ db: file }, { create: true });
    if (!options.dbFile) {
      await store.write(benchRecords(records), { by: 'bench' });
      log(`wrote ${records.toLocaleString('en')} records in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const registry = loadRegistry();
    // The comparison with raw SQL runs with the answer cache off: it measures the API's own cost per query.
    const quiet = { log: () => undefined, rateLimitPerMinute: 0, queryTimeoutMs: 0, cacheTtlMs: 0 };
    let app = createApp({ store, registry, options: quiet });
    const request = async (url: string) => {
      const res = await app.request(url);
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res.arrayBuffer();
    };
    // A records page with nothing on it would be timed as fast as it is useless (see the read-only note below).
    const listed = JSON.parse(new TextDecoder().decode(await request('/api/records?limit=50'))).records.length;
    if (listed !== 50) throw new Error(`/api/records?limit=50 listed ${listed} records: the store cannot list its records`);

    // The raw baseline: the same SQL on the same file, opened beside the store, on two connections like the
    // store's reader pool. API and raw runs alternate, so both see the same machine load. Read-only: a second
    // engine on a file must never write it (closing a read-write one checkpoints over the store's own work, and in
    // DuckDB 1.5 that can save an id index without recovered records, DuckDB issue 23788).
    const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
    const pool: DuckDBConnection[] = [await instance.connect(), await instance.connect()];
    const runAll = (steps: RawStep[]) => {
      const run = (c: DuckDBConnection, step: RawStep) => (typeof step === 'string' ? c.runAndReadAll(step) : step(c));
      const lanes = pool.map((c, lane) => steps.filter((_, i) => i % pool.length === lane).reduce((p, step) => p.then(() => run(c, step)), Promise.resolve<unknown>(undefined)));
      return Promise.all(lanes);
    };
    const pairs: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      ['whole set (concurrent)', () => Promise.all(dashboardUrls.map(request)), () => runAll(rawSql.flat())],
      ...dashboardUrls.map((url, i): [string, () => Promise<unknown>, () => Promise<unknown>] => [url, () => request(url), () => runAll(rawSql[i]!)]),
    ];
    const rows: { name: string; api: { median: number; p95: number }; raw: { median: number; p95: number } }[] = [];
    for (const [name, viaApi, viaRaw] of pairs) {
      const [a, r] = await timePair(viaApi, viaRaw, iterations);
      rows.push({ name, api: summary(a), raw: summary(r) });
    }
    for (const c of pool) c.closeSync();
    instance.closeSync();
    await store.close();
    const api = { set: rows[0]!.api }, raw = { set: rows[0]!.raw };

    log('dashboard (ms)             api median   p95   raw median   p95   ratio');
    const row = (name: string, a: { median: number; p95: number }, r: { median: number; p95: number }) =>
      log(`${name.padEnd(26)} ${String(a.median).padStart(10)} ${String(a.p95).padStart(5)} ${String(r.median).padStart(12)} ${String(r.p95).padStart(5)} ${(a.median / r.median).toFixed(2).padStart(7)}`);
    for (const r of rows) row(r.name.replace('/api/', '').slice(0, 26), r.api, r.raw);

    // 2. HTTP load on loopback, as deployed (answer cache on, its default TTL) and with the cache off.
    store = await openStore({ db: file });
    app = createApp({ store, registry, options: quiet });
    const load = await httpLoad(store, registry, { ...quiet, cacheTtlMs: 30_000 }, connections, loadSeconds);
    log(`HTTP load, cache on:  ${connections} connections, ${load.seconds} s: ${load.requests} ok, ${load.errors} errors, ${load.perSecond} req/s`);
    const uncachedLoad = await httpLoad(store, registry, quiet, connections, loadSeconds);
    log(`HTTP load, cache off: ${connections} connections, ${uncachedLoad.seconds} s: ${uncachedLoad.requests} ok, ${uncachedLoad.errors} errors, ${uncachedLoad.perSecond} req/s`);

    // 3. The full CSV export, consumed as it streams, with the peak resident memory (DuckDB's included) and the
    // peak JS heap (the API's own buffers) — twice. The first export after the server starts also fills DuckDB's
    // block cache up to its memory limit (any scan of every document would); the second shows what an export adds
    // to a server whose cache is already full, as it is after running a while. Both are reported.
    const exportCsv = async () => {
      const before = process.memoryUsage();
      let peak = before.rss;
      let heapPeak = before.heapUsed;
      const sample = () => {
        const m = process.memoryUsage();
        peak = Math.max(peak, m.rss);
        heapPeak = Math.max(heapPeak, m.heapUsed + m.arrayBuffers);
      };
      const sampler = setInterval(sample, 50);
      const start = performance.now();
      const res = await app.request('/api/export?format=csv');
      let bytes = 0;
      const reader = res.body!.getReader();
      let firstByteSeconds = 0;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        if (!bytes) firstByteSeconds = Math.round((performance.now() - start) / 100) / 10;
        bytes += chunk.value.byteLength;
      }
      clearInterval(sampler);
      sample();
      return {
        bytes, seconds: Math.round((performance.now() - start) / 100) / 10, firstByteSeconds,
        rssBeforeMB: Math.round(before.rss / 1e6),
        rssGrowthMB: Math.round((peak - before.rss) / 1e6), heapGrowthMB: Math.round((heapPeak - before.heapUsed - before.arrayBuffers) / 1e6),
      };
    };
    const exports = { first: await exportCsv(), second: await exportCsv() };
    for (const [which, e] of Object.entries(exports)) {
      log(`CSV export (${which}): ${(e.bytes / 1e6).toFixed(0)} MB in ${e.seconds} s (first byte after ${e.firstByteSeconds} s), RSS ${e.rssBeforeMB} MB before, peak RSS growth ${e.rssGrowthMB} MB, peak JS heap growth ${e.heapGrowthMB} MB`);
    }
    await store.close();

    const targets = {
      medianWithin1_5xRaw: api.set.median <= 1.5 * raw.set.median,
      p95Under300ms: api.set.p95 < 300,
      atLeast300rps: load.perSecond >= 300,
      atLeast300rpsWithoutCache: uncachedLoad.perSecond >= 300,
      // Flat memory: the first export after the server starts (which also fills DuckDB's cache up to its limit,
      // SITREP_MEMORY_LIMIT) and the next.
      exportUnder200MB: exports.first.rssGrowthMB < 200 && exports.second.rssGrowthMB < 200,
    };
    log(`targets: ${Object.entries(targets).map(([k, v]) => `${k} ${v ? 'met' : 'MISSED'}`).join(', ')}`);
    return { name: `API, ${records.toLocaleString('en')} records`, dashboard: rows, load, uncachedLoad, exports, targets };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
