/**
 * The embedded store: one DuckDB file. Writes stage rows through the Appender and merge them in one
 * transaction (all or nothing); reads run on a small pool of connections so the server can answer in parallel.
 */
import { DuckDBDataChunk, DuckDBInstance, BIGINT, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { existsSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore, WriteOptions, WriteSummary } from '../../core/event-store.ts';
import { parseRecord, type EventRecord } from '../../core/record.ts';
import { diffRecords, documentShape, inDocumentShape, recordRow } from '../record-row.ts';
import { compressionMigrations, listSeparator, migrations, parseDocs, recordColumnsSql, stagedColumns, storageVersion, storesZstd } from './schema.ts';
import { duckdbReads, hydrateDoc } from './reads.ts';
import { duckdbAccounts } from './account-store.ts';
import { duckdbSaveRecord } from './save-record.ts';
import { loadOverlays, readOverlay } from './curation-store.ts';
import { applyOverlay, type CuratorOverlay } from '../../core/curation.ts';
import type { WithAccounts } from '../../core/account-store.ts';

export interface DuckdbStoreOptions {
  /** Read connections for parallel queries. Default 2 (the cores of a small machine). */
  readers?: number;
  /** DuckDB memory limit, e.g. `'2GB'`. Default: DuckDB's (80% of RAM). */
  memoryLimit?: string;
  /**
   * DuckDB memory limit while the store opens (replaying the log a killed process left, migrating), writes, or writes
   * a Parquet export, lowered back to `memoryLimit` when the last of them ends: an import stages and merges every row
   * of its file, where reads need little. Default: `memoryLimit`.
   */
  writeMemoryLimit?: string;
  /**
   * The cancellation signal of the read being started (the server's `currentSignal`). A read whose signal aborts
   * is not started, or its query is interrupted, and it rejects with the signal's reason.
   */
  signal?: () => AbortSignal | undefined;
  /** Told before a store an earlier version wrote is copied into the newer storage version, once (2M ACLED records: 23.5 s). */
  onUpgrade?: (path: string) => void;
  /** Told, with their number, before the records are checked against a changed record model and those of the older one written again (`restateDocuments`). */
  onRestate?: (records: number) => void;
}

/** A serialising lock: DuckDB allows one writer, and a connection runs one statement at a time. */
export function mutex() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = last.then(fn, fn);
    last = run.catch(() => undefined);
    return run;
  };
}

/** Reader connections, each running one statement at a time, handed to callers in turn as they come free. */
export interface ConnectionPool {
  /** `soon`: a short look-up that finishes a read already under way, served before the reads queued so far. */
  use<T>(fn: (c: DuckDBConnection) => Promise<T>, options?: { soon?: boolean }): Promise<T>;
  /** A connection of its own, for a long stream; the caller closes it. */
  dedicated(): Promise<DuckDBConnection>;
  /** Runs `fn` under the writes' memory limit: a read that needs room (a Parquet file's row groups). */
  roomy<T>(fn: () => Promise<T>): Promise<T>;
}

/** What `saveRecord` adds to a write: records already final (no overlay applied) and work inside its transaction. */
export interface WriteInternals {
  final?: boolean;
  /** Runs inside the write's transaction after the merge, before the commit, with the revision timestamp. */
  afterMerge?: (c: DuckDBConnection, summary: WriteSummary, at: string) => Promise<void>;
}

/** The DuckDB store: the records, and the accounts kept in the same file (`store.accounts`). */
export type DuckdbStore = EventStore & WithAccounts;

const chunkRows = 2048;
const typeOf: Record<string, DuckDBType> = { VARCHAR, BIGINT };

/** Whether DuckDB reads `size` as a memory limit (`1GB`, `500 MiB`). */
export async function isMemorySize(size: string): Promise<boolean> {
  try {
    (await DuckDBInstance.create(':memory:', { memory_limit: size })).closeSync();
    return true;
  } catch {
    return false;
  }
}

/** DuckDB 1.5's spill files: `duckdb_temp_storage_DEFAULT-0.tmp`, `…_S32K-0.tmp`, and `duckdb_temp_block-12.block`. */
const spillFileName = /^duckdb_temp_(storage_[A-Z0-9]+-\d+\.tmp|block-\d+\.block)$/;

/** The spill files in DuckDB's temp directory, each with what identifies that very file (inode, modification time). */
function spillFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  try {
    for (const name of readdirSync(dir)) {
      if (!spillFileName.test(name)) continue;
      const stat = statSync(join(dir, name), { throwIfNoEntry: false });
      if (stat) files.set(name, `${stat.ino}:${stat.mtimeMs}`);
    }
  } catch {
    // No directory (nothing ever spilled, or it was cleaned up): nothing to remove.
  }
  return files;
}

/**
 * Removes the spill files a killed process left (`kill -9` during a big merge leaves hundreds of MB, and DuckDB only
 * clears them if it spills there again). Called once this instance holds the file's exclusive lock, with the files
 * listed before it opened: no live process can be using them. A file that changed meanwhile is this instance's own
 * (replaying the log may spill) and stays. Best effort: a file that cannot be removed never stops the store opening.
 */
function removeStaleSpillFiles(dir: string, stale: Map<string, string>) {
  if (!stale.size) return;
  for (const [name, identity] of spillFiles(dir)) {
    if (stale.get(name) !== identity) continue;
    try {
      rmSync(join(dir, name), { force: true });
    } catch {
      // Left for the next open.
    }
  }
  try {
    rmdirSync(dir); // only if now empty; DuckDB creates it again when it next spills
  } catch {
    // Not empty (other files, or this instance's): kept.
  }
}

/**
 * Opens (or creates) a store at `path` (`':memory:'` for a throwaway one) and applies pending migrations.
 * @example const store = await duckdbStore('sitrep.duckdb');
 */
export async function duckdbStore(path: string, options: DuckdbStoreOptions = {}): Promise<DuckdbStore> {
  const { memoryLimit, writeMemoryLimit = memoryLimit } = options;
  // DuckDB spills to `<file>.tmp` (its default `temp_directory` for a file database, which the store does not change).
  const tempDir = `${path}.tmp`;
  const stale = path.startsWith(':memory:') ? new Map<string, string>() : spillFiles(tempDir);
  // Opening is a write: DuckDB replays the log a killed process left (a whole import, perhaps), then migrations run.
  const instance = await DuckDBInstance.create(path, {
    ...(writeMemoryLimit ? { memory_limit: writeMemoryLimit } : {}),
    // Memory DuckDB frees goes back to the system from a background thread, instead of staying with the process
    // (alone, it took a 400k-row import's peak RSS from 2.5 GB to 1.8 GB; at 2M rows the peak is elsewhere).
    allocator_background_threads: 'true',
    allocator_flush_threshold: '32MB',
    // A new file is written in a storage version that can compress documents with zstd (migration 15); a file of
    // an older one is copied into a new file of this version once (`copiedToCurrentStorage`).
    storage_compatibility_version: storageVersion,
  });
  // Opened: this process holds the file's lock (had another, opening would have thrown and nothing been removed).
  removeStaleSpillFiles(tempDir, stale);
  const writer = await instance.connect();
  const writeLock = mutex();
  // A store whose last process died before a checkpoint is recovered from its write-ahead log on open, and DuckDB
  // (1.4–1.5) leaves the recovered rows out of an index it has not used yet. If the process then closes without
  // a lookup through that index, the index is saved without them: those records would never again be found by id
  // (a records page, the record itself, its history), silently (DuckDB issue 23788). A checkpoint from a
  // connection brings the index up to date before saving it; with no log to recover it costs nothing.
  await writer.run('CHECKPOINT');
  await migrate(writer);
  if (!path.startsWith(':memory:') && !(await storesZstd(writer))) {
    options.onUpgrade?.(path);
    if (await copiedToCurrentStorage(writer, path)) {
      writer.closeSync();
      instance.closeSync();
      // The old file's log, were one left, would be replayed onto the copy: it must be gone with the old file.
      if (existsSync(`${path}.wal`)) throw new Error(`${path}.wal remained after closing ${path}, which stays as it was (not copied into the newer storage version); open it again`);
      renameSync(upgradedPath(path), path);
      return duckdbStore(path, options);
    }
  }
  await restateDocuments(instance, writer, options.onRestate);
  const limits = await memoryLimits(await instance.connect(), memoryLimit, writeMemoryLimit);

  const readers = await Promise.all(Array.from({ length: options.readers ?? 2 }, () => instance.connect()));
  // First free, first served: a read never waits behind a slow one while another connection is idle.
  const free = [...readers];
  const waiting: ((c: DuckDBConnection) => void)[] = [];
  const take = (soon = false) =>
    new Promise<DuckDBConnection>((resolve) => (free.length ? resolve(free.pop()!) : soon ? waiting.unshift(resolve) : waiting.push(resolve)));
  const give = (c: DuckDBConnection) => (waiting.length ? waiting.shift()!(c) : free.push(c));
  const pool: ConnectionPool = {
    async use(fn, { soon = false } = {}) {
      const signal = options.signal?.();
      const c = await take(soon);
      const interrupt = () => c.interrupt();
      try {
        // Queued behind other reads, the caller may have gone already: then the query never starts.
        signal?.throwIfAborted();
        signal?.addEventListener('abort', interrupt, { once: true });
        const answer = await fn(c);
        // DuckDB ignores an interrupt that arrives while it is still planning: the answer then comes, unwanted.
        signal?.throwIfAborted();
        return answer;
      } catch (e) {
        throw signal?.aborted ? signal.reason : e;
      } finally {
        signal?.removeEventListener('abort', interrupt);
        give(c);
      }
    },
    dedicated: () => instance.connect(),
    roomy: limits.roomy,
  };

  /**
   * A write, for a caller that already holds the write lock. Curators' overlays are applied to what is written
   * (a re-import keeps their tags, links and status) unless the caller writes final records itself (`saveRecord`).
   */
  async function writeLocked(records: AsyncIterable<EventRecord> | Iterable<EventRecord>, opts: WriteOptions, internal: WriteInternals = {}): Promise<WriteSummary> {
    return withStage(writer, 'stage', async (stage) => {
      const overlays = internal.final ? new Map<string, CuratorOverlay>() : await loadOverlays(writer);
      await stageRecords(writer, stage, records, overlays);
      return merge(writer, stage, opts, internal.afterMerge);
    });
  }

  return {
    write: (records, opts) => writeLock(() => limits.roomy(() => writeLocked(records, opts))),
    saveRecord: duckdbSaveRecord(writer, writeLock, (records, opts, internal) => limits.roomy(() => writeLocked(records, opts, internal))),
    getCuration: (id) => pool.use((c) => readOverlay(c, id)),
    ...duckdbReads(pool),
    accounts: duckdbAccounts(writer, writeLock, pool),
    async close() {
      await writeLock(async () => undefined);
      limits.close();
      for (const c of [writer, ...readers]) c.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Lowers DuckDB's limit to `low` (the reads') and returns a function that runs work under `high` (the writes'):
 * writes, and reads that need the room. One limit holds for the whole database, so readers share the raised one
 * meanwhile; the last piece of work to end lowers it again. DuckDB refuses to lower it while reads hold more than
 * `low` (and keeps enforcing the higher one): then it tries again a second later, until it can.
 */
async function memoryLimits(control: DuckDBConnection, low: string | undefined, high: string | undefined) {
  if (!low || !high || low === high) return { roomy: <T>(fn: () => Promise<T>) => fn(), close: () => control.closeSync() };
  // The statements run in the order they are asked for, on a connection of their own.
  const inOrder = mutex();
  const set = (size: string) => inOrder(() => control.run(`SET memory_limit = '${size.replaceAll("'", "''")}'`));
  let holders = 0;
  let raised: Promise<unknown> = Promise.resolve();
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const lower = async (): Promise<void> => {
    if (holders || closed) return;
    try {
      await set(low);
    } catch {
      retry = setTimeout(() => void lower(), 1000);
      retry.unref();
    }
  };
  await set(low);
  return {
    async roomy<T>(fn: () => Promise<T>): Promise<T> {
      clearTimeout(retry);
      if (holders++ === 0) raised = set(high);
      try {
        await raised;
        return await fn();
      } finally {
        if (--holders === 0) await lower();
      }
    },
    close() {
      closed = true;
      clearTimeout(retry);
      control.closeSync();
    },
  };
}

const upgradedPath = (path: string) => `${path}.upgrade`;

/**
 * Copies a store written by an earlier version, in a storage version older than `storageVersion`, into a file of that
 * version beside it (`upgradedPath`), tables, indexes and all, for the caller to put in its place: DuckDB cannot
 * change a file's storage version, and only the newer one compresses documents with zstd. The copy's tables are made
 * first and its records table rebuilt with zstd while empty (migrations 14–16 again), then the rows are copied into
 * them. Until the copy replaces the file, the store is as it was; a copy a killed process left is started again.
 * A copy that fails (a full disk) is removed with a warning, and the store opens as it is, to be copied next time.
 */
async function copiedToCurrentStorage(c: DuckDBConnection, path: string): Promise<boolean> {
  const target = upgradedPath(path);
  const remove = () => {
    for (const f of [target, `${target}.wal`]) {
      try {
        rmSync(f, { force: true });
      } catch {
        // Not a file (a folder of that name): the copy fails on it, and says so.
      }
    }
  };
  remove();
  // Nothing of the migrations just run left in the log: the copy reads the file as it stands.
  await c.run('CHECKPOINT');
  const current = `"${String((await c.runAndReadAll('SELECT current_database() AS name')).getRowObjectsJS()[0]!.name).replaceAll('"', '""')}"`;
  try {
    await c.run(`ATTACH '${target.replaceAll("'", "''")}' AS upgraded (STORAGE_VERSION '${storageVersion}')`);
    await c.run(`COPY FROM DATABASE ${current} TO upgraded (SCHEMA)`);
    await c.run('USE upgraded');
    for (const m of compressionMigrations) {
      await c.run(m.sql);
      await m.backfill?.(c);
    }
    await c.run(`USE ${current}`);
    await c.run(`COPY FROM DATABASE ${current} TO upgraded (DATA)`);
    await c.run('DETACH upgraded');
    return true;
  } catch (e) {
    await c.run(`USE ${current}`);
    await c.run('DETACH DATABASE IF EXISTS upgraded');
    remove();
    process.emitWarning(`${path} stays in its older storage version, without zstd-compressed documents, until it can be copied (${(e as Error).message})`);
    return false;
  }
}

/**
 * Writes the store's documents again when the record model has changed since they were written (`documentShape`):
 * each is read as a record of the current model (a field it lacks gets the model's default) and stored as an import
 * would store it now. Only documents whose text changes are rewritten, with their revision and import time: the
 * content is the same, so there is no new revision. Without it, reads would return records without the new field,
 * and re-importing a file would count every record as updated, a revision each with nothing in it. A document the
 * current model refuses stays as it is, with a warning naming it.
 */
async function restateDocuments(instance: DuckDBInstance, c: DuckDBConnection, onRestate?: (records: number) => void) {
  const shape = documentShape();
  const noted = (await c.runAndReadAll("SELECT value FROM store_meta WHERE key = 'document_shape'")).getRowObjectsJS()[0]?.value;
  if (noted === shape) return;
  const count = Number((await c.runAndReadAll('SELECT count(*) AS n FROM records')).getRowObjectsJS()[0]!.n);
  if (count) onRestate?.(count);
  const refused: string[] = [];
  await withStage(c, 'restate', async (stage) => {
    // One streaming scan, on a connection of its own: the writer's is appending the restated records meanwhile.
    const reader = await instance.connect();
    async function* stored() {
      const result = await reader.stream('SELECT doc, imported_at, status, visibility, revision FROM records');
      for await (const rows of result.yieldRowObjectJs()) {
        for (const row of rows) {
          const doc = JSON.parse(String(row.doc));
          if (inDocumentShape(doc)) continue;
          // A document without the parts every model had (no provenance object) cannot be read as a record at all.
          const parsed = doc?.provenance instanceof Object ? parseRecord(hydrateDoc(doc, row)) : undefined;
          if (parsed?.ok) yield parsed.record;
          else refused.push(`${doc?.id} (${parsed ? `${parsed.problems[0]!.field}: ${parsed.problems[0]!.message}` : 'no provenance'})`);
        }
      }
    }
    try {
      await stageRecords(c, stage, stored(), new Map());
    } finally {
      reader.closeSync();
    }
    // `old_rev` as the merge's insert reads it (it writes old_rev + 1): a restated record keeps its revision.
    const d = `${stage}_d`;
    await c.run(`CREATE TEMP TABLE ${d} AS SELECT s.seq, s.id, md5(s.doc) AS hash, r.revision - 1 AS old_rev FROM ${stage} s JOIN records r ON r.id = s.id WHERE md5(s.doc) <> r.hash`);
    try {
      await inTransaction(c, async () => {
        await c.run(`DELETE FROM records WHERE id IN (SELECT id FROM ${d})`);
        await insertStaged(c, stage, d);
        await c.run("INSERT OR REPLACE INTO store_meta VALUES ('document_shape', ?)", [shape]);
      });
    } finally {
      await c.run(`DROP TABLE IF EXISTS ${d}`);
    }
  });
  if (refused.length) {
    process.emitWarning(`${refused.length} stored record(s) do not fit the current record model and were kept as they were: ${refused.slice(0, 5).join('; ')}${refused.length > 5 ? '; …' : ''}`);
  }
}

async function migrate(c: DuckDBConnection): Promise<void> {
  await c.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER, description VARCHAR, applied_at TIMESTAMP)');
  const done = await c.runAndReadAll('SELECT coalesce(max(version), 0) AS v FROM schema_migrations');
  const current = Number(done.getRowObjectsJson()[0]!.v);
  for (const m of migrations.filter((m) => m.version > current)) {
    await inTransaction(c, async () => {
      await c.run(m.sql);
      await m.backfill?.(c);
      await c.run('INSERT INTO schema_migrations VALUES (?, ?, now())', [m.version, m.description]);
    });
  }
}

/** Runs `fn` in a transaction on `c`: committed when it returns, rolled back when it throws. */
async function inTransaction<T>(c: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  await c.run('BEGIN TRANSACTION');
  try {
    const result = await fn();
    await c.run('COMMIT');
    return result;
  } catch (e) {
    await c.run('ROLLBACK');
    throw e;
  }
}

/** Runs `fn` with a new temporary table of `stagedColumns` (named from `prefix`), dropped when it ends. */
async function withStage<T>(c: DuckDBConnection, prefix: string, fn: (stage: string) => Promise<T>): Promise<T> {
  const stage = `${prefix}_${process.pid}_${Date.now()}`;
  await c.run(`CREATE TEMP TABLE ${stage} (${stagedColumns.map(([n, t]) => `${n} ${t}`).join(', ')})`);
  try {
    return await fn(stage);
  } finally {
    await c.run(`DROP TABLE IF EXISTS ${stage}`);
  }
}

/** Appends records to the staging table in column chunks (the Appender's fast path, no per-row SQL). */
async function stageRecords(
  c: DuckDBConnection,
  stage: string,
  records: AsyncIterable<EventRecord> | Iterable<EventRecord>,
  overlays: Map<string, CuratorOverlay>,
) {
  const appender = await c.createAppender(stage, null, 'temp');
  // One chunk, reset and refilled, rather than a new one per flush left to the garbage collector, which does
  // not see the memory a chunk's strings take outside the JavaScript heap.
  const chunk = DuckDBDataChunk.create(stagedColumns.map(([, t]) => typeOf[t]!), chunkRows);
  let columns: DuckDBValue[][] = stagedColumns.map(() => []);
  let seq = 0;
  const flush = () => {
    if (!columns[0]!.length) return;
    chunk.reset();
    chunk.setColumns(columns);
    appender.appendDataChunk(chunk);
    columns = stagedColumns.map(() => []);
  };
  for await (const dataset of records) {
    const record = overlays.size ? applyOverlay(dataset, overlays.get(dataset.id)) : dataset;
    const row = recordRow(record);
    const values = [BigInt(seq++), row.id, row.doc, row.dateEnd, row.actorKeys.join(listSeparator), row.searchText, row.importedAt, row.admin1Key];
    values.forEach((v, i) => columns[i]!.push(v));
    if (columns[0]!.length === chunkRows) flush();
  }
  flush();
  appender.closeSync();
}

/** Merges the staged rows into `records` in one transaction, keeping a revision row for every change. */
async function merge(c: DuckDBConnection, stage: string, opts: WriteOptions, afterMerge?: WriteInternals['afterMerge']): Promise<WriteSummary> {
  // The last occurrence of an id in one write wins, as if the rows had been written one after another.
  // Finding the changes takes the first fifth of a write's time after staging (15–25 % at 100k–400k records).
  await reportingProgress(c, opts.onWriting, [0, 0.2], () =>
    c.run(`CREATE TEMP TABLE ${stage}_d AS
      SELECT s.seq, s.id, md5(s.doc) AS hash, r.hash AS old_hash, r.revision AS old_rev
      FROM ${stage} s JOIN (SELECT max(seq) AS seq FROM ${stage} GROUP BY id) last ON last.seq = s.seq
      LEFT JOIN records r ON r.id = s.id`),
  );
  const d = `${stage}_d`;
  try {
    return await inTransaction(c, async () => {
      const counts = (
        await c.runAndReadAll(`SELECT
          count(*) FILTER (WHERE old_hash IS NULL) AS inserted,
          count(*) FILTER (WHERE old_hash IS NOT NULL AND old_hash <> hash) AS updated,
          count(*) FILTER (WHERE old_hash = hash) AS unchanged FROM ${d}`)
      ).getRowObjectsJson()[0]!;
      let archived = 0;
      if (opts.syncDataset) {
        const n = await c.runAndReadAll(
          `SELECT count(*) AS n FROM records r WHERE dataset = ? AND status <> 'archived' AND NOT EXISTS (SELECT 1 FROM ${d} s WHERE s.id = r.id)`,
          [opts.syncDataset],
        );
        archived = Number(n.getRowObjectsJson()[0]!.n);
      }
      const summary: WriteSummary = { inserted: Number(counts.inserted), updated: Number(counts.updated), unchanged: Number(counts.unchanged), archived };
      await opts.beforeCommit?.(summary);

      const at = new Date().toISOString();
      // History first: new records get revision 1, changed ones a list of what changed.
      await c.run(`INSERT INTO revisions SELECT id, 1, CAST(? AS TIMESTAMP), ?, ?, NULL FROM ${d} WHERE old_hash IS NULL`, [at, opts.by, opts.comment ?? null]);
      // The rest goes to the changes' diffs (~4x the time per record of the insert, measured) and the insert.
      const diffs = 4 * summary.updated;
      const diffed = 0.2 + (0.8 * diffs) / (diffs + summary.inserted + summary.updated || 1);
      if (summary.updated) await appendChanges(c, stage, d, at, opts, (done) => opts.onWriting?.(0.2 + ((diffed - 0.2) * done) / summary.updated));
      await c.run(`DELETE FROM records WHERE id IN (SELECT id FROM ${d} WHERE old_hash IS NOT NULL AND old_hash <> hash)`);
      await reportingProgress(c, opts.onWriting, [diffed, 1], () => insertStaged(c, stage, d, 'd.old_hash IS NULL OR d.old_hash <> d.hash'));
      if (opts.syncDataset && archived) {
        const missing = `dataset = ? AND status <> 'archived' AND NOT EXISTS (SELECT 1 FROM ${d} s WHERE s.id = records.id)`;
        await c.run(
          `INSERT INTO revisions SELECT id, revision + 1, CAST(? AS TIMESTAMP), ?, ?, json_array(json_object('field', 'status', 'old', status, 'new', 'archived')) FROM records WHERE ${missing}`,
          [at, opts.by, 'missing from a full re-import', opts.syncDataset],
        );
        await c.run(`UPDATE records SET status = 'archived', revision = revision + 1 WHERE ${missing}`, [opts.syncDataset]);
      }
      await afterMerge?.(c, summary, at);
      const imported = opts.importedFile?.();
      if (imported) {
        const { file, format, datasets, read, skipped, rejected, unresolvedActors, seconds } = imported;
        const { inserted, updated, unchanged } = summary;
        await c.run(`INSERT INTO imports VALUES (CAST(? AS TIMESTAMP), ?, ?, ?, from_json(?, '["VARCHAR"]'), ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
          at, opts.by, file, format, JSON.stringify(datasets), read, skipped, rejected, unresolvedActors, inserted, updated, unchanged, archived, seconds,
        ]);
      }
      return summary;
    });
  } finally {
    await c.run(`DROP TABLE IF EXISTS ${d}`);
  }
}

/**
 * Runs `statement` on `c`, telling `onProgress` how far DuckDB says it is, as a point of the span `[from, to]` of
 * the whole, a few times a second and once done.
 */
async function reportingProgress(
  c: DuckDBConnection, onProgress: ((fraction: number) => void) | undefined, [from, to]: readonly [number, number], statement: () => Promise<unknown>,
): Promise<void> {
  if (!onProgress) return void (await statement());
  onProgress(from);
  // DuckDB tells a running statement's progress only with its progress bar on (printing nothing).
  await c.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  let told = 0;
  const poll = setInterval(() => {
    // -1 while DuckDB cannot tell; its estimate may also step back, which a progress bar should not.
    const share = Math.min(c.progress.percentage, 100) / 100;
    if (share > told) onProgress(from + (to - from) * (told = share));
  }, 250);
  try {
    await statement();
  } finally {
    clearInterval(poll);
  }
  onProgress(to);
}

/**
 * Inserts into `records` the staged rows that the table `d` lists (and `where` keeps), each at revision `old_rev + 1`.
 * One streaming pass from the stage: the narrow table `d` is the join's hash table, the staged text only flows
 * through it (materialising the parsed rows first took 1.7x as long at 2M records).
 */
async function insertStaged(c: DuckDBConnection, stage: string, d: string, where = 'true') {
  const columns = [...recordColumnsSql.map(([n]) => n), 'revision'].join(', ');
  await c.run(
    `INSERT INTO records (${columns}) SELECT ${recordColumnsSql.map(([, sql]) => sql).join(', ')}, coalesce(s.old_rev, 0) + 1
     FROM (${parseDocs(stage)} JOIN ${d} d ON d.seq = s.seq WHERE ${where}) s`,
  );
}

/**
 * Revision rows for changed records, with the fields that changed. Diffs are computed in JS a page at a time
 * and appended, so a re-import that changes millions of records still runs in flat memory. `onPage` is told how many
 * are done after each page.
 */
async function appendChanges(c: DuckDBConnection, stage: string, d: string, at: string, opts: WriteOptions, onPage: (done: number) => void) {
  const page = 20_000;
  const chunk = DuckDBDataChunk.create([VARCHAR, BIGINT, VARCHAR], chunkRows);
  await c.run(`CREATE TEMP TABLE ${d}_rev (id VARCHAR, revision BIGINT, changes VARCHAR)`);
  // The changed rows numbered in write order, with where their old version lies: a page is then a range of numbers
  // that reads its own rows only (paged by OFFSET, every page joined and sorted all the changed rows again).
  await c.run(
    `CREATE TEMP TABLE ${d}_changed AS SELECT row_number() OVER (ORDER BY d.seq) AS n, d.seq, d.id, d.old_rev + 1 AS rev, r.rowid AS old_row
     FROM ${d} d JOIN records r ON r.id = d.id WHERE d.old_hash IS NOT NULL AND d.old_hash <> d.hash ORDER BY n`,
  );
  const appender = await c.createAppender(`${d}_rev`, null, 'temp');
  for (let first = 1; ; first += page) {
    const rows = (
      await c.runAndReadAll(
        `SELECT ch.id, ch.rev, r.doc AS old_doc, s.doc FROM ${d}_changed ch JOIN ${stage} s ON s.seq = ch.seq JOIN records r ON r.rowid = ch.old_row
         WHERE ch.n BETWEEN ${first} AND ${first + page - 1} ORDER BY ch.n`,
      )
    ).getRowObjectsJS();
    if (!rows.length) break;
    const columns: DuckDBValue[][] = [[], [], []];
    for (const r of rows) {
      columns[0]!.push(String(r.id));
      columns[1]!.push(BigInt(Number(r.rev)));
      columns[2]!.push(JSON.stringify(diffRecords(JSON.parse(String(r.old_doc)), JSON.parse(String(r.doc)))));
    }
    for (let i = 0; i < rows.length; i += chunkRows) {
      chunk.reset();
      chunk.setColumns(columns.map((col) => col.slice(i, i + chunkRows)));
      appender.appendDataChunk(chunk);
    }
    onPage(first - 1 + rows.length);
  }
  appender.closeSync();
  await c.run(`INSERT INTO revisions SELECT id, revision, CAST(? AS TIMESTAMP), ?, ?, changes FROM ${d}_rev`, [at, opts.by, opts.comment ?? null]);
  await c.run(`DROP TABLE ${d}_rev`);
  await c.run(`DROP TABLE ${d}_changed`);
}
