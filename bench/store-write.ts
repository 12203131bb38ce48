/**
 * Writing 100,000 records through the store (Appender staging + merge), against a raw-DuckDB baseline that loads
 * the same records from NDJSON with `read_json` into a table; then the same records again (all unchanged), and with
 * a new dataset version (all changed, a revision with its diff each). Target (issue #2): under 2 s. Beside them: what DuckDB
 * takes to copy the finished records into an empty store (`store-floor.ts`), the part of the write that is storage.
 */
import { mkdtempSync, rmSync, createWriteStream, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdbStore } from '../src/store/duckdb/duckdb-store.ts';
import { syntheticRecords } from './synthetic.ts';
import { storeFloorSeconds } from './store-floor.ts';

export async function benchStoreWrite(count = 100_000) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-write-'));
  try {
    const records = [...syntheticRecords(count)];
    const store = await duckdbStore(join(dir, 'store.duckdb'));
    let t = performance.now();
    const summary = await store.write(records, { by: 'bench' });
    const storeSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const again = await store.write(records, { by: 'bench' });
    const reimportSeconds = (performance.now() - t) / 1000;
    await store.close();
    const storeMB = Math.round(statSync(join(dir, 'store.duckdb')).size / 1e6);
    const storeFloor = await storeFloorSeconds(join(dir, 'store.duckdb'), dir);

    // A new dataset version: every record changes, and each gets a revision listing what changed.
    const reopened = await duckdbStore(join(dir, 'store.duckdb'));
    const changed = records.map((r) => ({ ...r, provenance: { ...r.provenance, datasetVersion: '2' } }));
    t = performance.now();
    const updated = await reopened.write(changed, { by: 'bench' });
    const changedSeconds = (performance.now() - t) / 1000;
    await reopened.close();

    const ndjson = join(dir, 'records.ndjson');
    const out = createWriteStream(ndjson);
    for (const r of records) out.write(JSON.stringify(r) + '\n');
    await new Promise((resolve) => out.end(resolve));
    const raw = await (await DuckDBInstance.create(join(dir, 'raw.duckdb'))).connect();
    t = performance.now();
    await raw.run(`CREATE TABLE records AS SELECT * FROM read_json('${ndjson}', format = 'newline_delimited')`);
    const rawSeconds = (performance.now() - t) / 1000;
    await raw.run('CHECKPOINT'); // for the file's size: the table, not the log
    raw.closeSync();
    return {
      name: `store write, ${count.toLocaleString('en')} records`,
      storeSeconds, reimportSeconds, changedSeconds, rawSeconds, ratio: storeSeconds / rawSeconds,
      // The finished records copied into an empty store: what DuckDB alone takes to write them with this schema.
      storeFloorSeconds: storeFloor,
      // The store file after the first two writes, beside DuckDB's table of the same records read from NDJSON.
      storeMB, rawTableMB: Math.round(statSync(join(dir, 'raw.duckdb')).size / 1e6),
      inserted: summary.inserted, unchangedOnReimport: again.unchanged, updatedOnChange: updated.updated, target: 'store write < 2 s',
      pass: storeSeconds < 2,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
