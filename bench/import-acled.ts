/**
 * Issue #3's import benchmark: a synthetic 2,000,000-row ACLED-layout CSV imported through `sitrep import`
 * (a child process, so its peak memory is its own) against DuckDB's `read_csv` loading the same file into a
 * table, in the same run. Targets: at most 2× DuckDB's time, peak RSS under 1.5 GB. Beside them: what DuckDB takes
 * to copy the finished records into an empty store (`store-floor.ts`), the part of any import that is storage.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeSyntheticAcled } from './acled-csv.ts';
import { storeFloorSeconds } from './store-floor.ts';

const root = join(import.meta.dirname, '..');

export async function benchImportAcled(rows = 2_000_000) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-import-'));
  try {
    const csv = join(dir, 'acled.csv');
    await writeSyntheticAcled(csv, rows);
    const raw = await (await DuckDBInstance.create(join(dir, 'raw.duckdb'))).connect();
    let t = performance.now();
    await raw.run(`CREATE TABLE acled AS SELECT * FROM read_csv('${csv}', header = true, all_varchar = true)`);
    const duckdbSeconds = (performance.now() - t) / 1000;
    await raw.run('CHECKPOINT'); // for the file's size: the table, not the log
    raw.closeSync();

    t = performance.now();
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/import-child.ts'), csv, join(dir, 'store.duckdb')], {
      cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, CI: 'true' },
    });
    const sitrepSeconds = (performance.now() - t) / 1000;
    const child = JSON.parse(out.trim().split('\n').at(-1)!);
    const storeMB = Math.round(statSync(join(dir, 'store.duckdb')).size / 1e6);
    const storeFloor = await storeFloorSeconds(join(dir, 'store.duckdb'), dir);
    return {
      name: `import ${rows.toLocaleString('en')}-row ACLED CSV (${(statSync(csv).size / 1e6).toFixed(0)} MB)`,
      sitrepSeconds, duckdbSeconds, ratio: sitrepSeconds / duckdbSeconds, peakRssMB: child.maxRssMB,
      // The store's finished records copied into an empty store: the least any import of this file can take.
      storeFloorSeconds: storeFloor, floorRatio: storeFloor / duckdbSeconds,
      // The store file the import wrote, beside DuckDB's table of the CSV's text.
      storeMB, rawTableMB: Math.round(statSync(join(dir, 'raw.duckdb')).size / 1e6),
      inserted: child.inserted, rejected: child.rejected,
      target: 'ratio ≤ 2, peak RSS < 1500 MB',
      pass: sitrepSeconds / duckdbSeconds <= 2 && child.maxRssMB < 1500,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
