/**
 * What DuckDB alone takes to write a store's finished rows: the records and revisions of a store a benchmark has
 * just written, copied into an empty store of the same schema (its id index included) in one transaction. Nothing
 * is parsed, mapped or computed, so no write of the same records can be faster with this schema; a benchmark
 * reports it beside its own time to show how much of that time is the storage itself.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdbStore } from '../src/store/duckdb/duckdb-store.ts';

export async function storeFloorSeconds(finished: string, dir: string, memoryLimit = '500MB'): Promise<number> {
  const path = join(dir, 'floor.duckdb');
  await (await duckdbStore(path)).close();
  const instance = await DuckDBInstance.create(path, { memory_limit: memoryLimit });
  const c = await instance.connect();
  try {
    await c.run(`ATTACH '${finished.replaceAll("'", "''")}' AS finished (READ_ONLY)`);
    const t = performance.now();
    await c.run('BEGIN TRANSACTION');
    await c.run('INSERT INTO records SELECT * FROM finished.records');
    await c.run('INSERT INTO revisions SELECT * FROM finished.revisions');
    await c.run('COMMIT');
    return (performance.now() - t) / 1000;
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
