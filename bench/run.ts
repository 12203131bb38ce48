// `npm run bench [name…]`: each benchmark reports its figures beside a raw-DuckDB baseline measured in the same
// run (ratios survive a noisy machine; absolute times do not). Names: store-write, import-acled, api; default all.
import { benchStoreWrite } from './store-write.ts';
import { benchImportAcled } from './import-acled.ts';
import { benchApi } from './api.ts';

const benchmarks: Record<string, () => Promise<unknown>> = {
  'store-write': () => benchStoreWrite(),
  'import-acled': () => benchImportAcled(),
  api: () => benchApi(),
};

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(benchmarks);
for (const name of names) {
  const run = benchmarks[name];
  if (!run) throw new Error(`unknown benchmark "${name}": expected ${Object.keys(benchmarks).join(', ')}`);
  console.log(`\n== ${name}`);
  console.log(JSON.stringify(await run(), null, 2));
}
