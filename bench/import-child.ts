// Runs one import as `sitrep import` does and prints its counts and peak memory (see import-acled.ts).
import { loadImportContext } from '../src/cli/import-context.ts';
import { runImport } from '../src/cli/run-import.ts';
import { loadRegistry, openStore } from '../src/cli/wiring.ts';

const [file, db] = process.argv.slice(2) as [string, string];
const store = await openStore({ db }, { create: true, limit: 'importMemoryLimit' });
const [report] = await runImport(store, file, await loadImportContext(loadRegistry(), {}), {});
await store.close();
console.log(JSON.stringify({ ...report, rejections: undefined, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
