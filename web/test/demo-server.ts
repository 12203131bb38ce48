/**
 * A Sitrep server on the demo data for the browser tests and the web benchmark: a DuckDB store in a temporary
 * file, the UCDP GED Pakistan sample and the curated ISKP file imported through the project's own import
 * pipeline, the app built with `createApp` and served by `@hono/node-server` on a random loopback port.
 *
 * @example
 * const server = await startDemoServer({ webRoot: 'web/dist' });
 * // … drive a browser at server.url …
 * await server.close();
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { EventStore } from '../../src/core/event-store.ts';
import type { EventRecord } from '../../src/core/record.ts';
import { UserError } from '../../src/core/errors.ts';
import { duckdbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { loadRegistry } from '../../src/cli/wiring.ts';
import { loadImportContext } from '../../src/cli/import-context.ts';
import { runImport } from '../../src/cli/run-import.ts';
import { createApp } from '../../src/server/app.ts';

/** The demo files, outside the repository (`../shared/data`). */
export const demoFiles = [
  new URL('../../../shared/data/ucdp_ged/conflict_data_pak.csv', import.meta.url).pathname,
  new URL('../../../shared/data/curated/iskp-activity.csv', import.meta.url).pathname,
];

export interface DemoServer {
  url: string;
  store: EventStore;
  close(): Promise<void>;
}

/** Fills `store` with the demo files that exist; returns the paths imported. */
export async function loadDemoFiles(store: EventStore): Promise<string[]> {
  const registry = loadRegistry();
  const context = await loadImportContext(registry, {});
  const done: string[] = [];
  for (const file of demoFiles.filter((f) => existsSync(f))) {
    try {
      await runImport(store, file, context);
      done.push(file);
    } catch (e) {
      // "cannot tell the format": that file's importer has not landed yet; the rest of the demo still loads.
      if (e instanceof UserError && e.param === '--format') continue;
      throw e;
    }
  }
  return done;
}

/**
 * Starts a server. `store` may be given; otherwise a temporary DuckDB file is filled with the demo data (and
 * `extra` records) and removed on close.
 */
export async function startDemoServer(opts: { webRoot: string; store?: EventStore; port?: number; extra?: EventRecord[] }): Promise<DemoServer> {
  let dir: string | undefined;
  let store = opts.store;
  if (!store) {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-web-'));
    store = await duckdbStore(join(dir, 'demo.duckdb'));
    await loadDemoFiles(store);
    if (opts.extra?.length) await store.write(opts.extra, { by: 'import:webtest' });
  }
  const registry = loadRegistry();
  // No rate limit: a test or a benchmark makes many requests from one address on purpose.
  const app = createApp({ store, registry, options: { webRoot: opts.webRoot, rateLimitPerMinute: 0, log: () => undefined } });
  const owned = !opts.store;
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: opts.port ?? 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        store: store!,
        close: async () => {
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          await new Promise<void>((done) => server.close(() => done()));
          if (owned) {
            await store!.close();
            rmSync(dir!, { recursive: true, force: true });
          }
        },
      });
    });
  });
}
