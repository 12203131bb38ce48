// Runs one import as `sitrep import` does and prints its counts and peak memory (see import-acled.ts).
import { loadImportContext } from '../src/cli/import-context.ts';
import { runImport } from '../src/cli/run-import.ts';
import { loadRegistry } from '../src/cli/wiring.ts';
import { duckdbStore } from '../src/store/duckdb/duckdb-store.ts';

const [file, db] = process.argv.slice(2) as [string, string];
const store = await duckdbStore(db);
const [report] = await runImport(store, file, await loadImportContext(loadRegistry(), {}), {});
await store.close();
console.log(JSON.stringify({ ...report, rejections: undefined, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
