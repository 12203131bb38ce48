// `npm run bench [name…]`: each benchmark reports its figures beside a raw-DuckDB baseline measured in the same
// run (ratios survive a noisy machine; absolute times do not). Names: store-write, import-acled, api, web; default all.
import { benchStoreWrite } from './store-write.ts';
import { benchImportAcled } from './import-acled.ts';
import { benchApi } from './api.ts';
import { execFileSync } from 'node:child_process';

const benchmarks: Record<string, () => Promise<unknown>> = {
  'store-write': () => benchStoreWrite(),
  'import-acled': () => benchImportAcled(),
  api: () => benchApi(),
  // The browser benchmark builds its own 2M-record store and server (bench/web.ts); it needs web/dist and Chromium.
  web: async () => execFileSync(process.execPath, ['--import', 'tsx', new URL('./web.ts', import.meta.url).pathname], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
};

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(benchmarks);
for (const name of names) {
  const run = benchmarks[name];
  if (!run) throw new Error(`unknown benchmark "${name}": expected ${Object.keys(benchmarks).join(', ')}`);
  console.log(`\n== ${name}`);
  console.log(JSON.stringify(await run(), null, 2));
}
