/**
 * A Sitrep server on the demo data for the browser tests: a DuckDB store in a temporary file holding what
 * `sitrep serve --demo` loads (data/demo: UCDP GED Pakistan and a worldwide sample, the curated ISKP list) through
 * the project's own import pipeline, the app built with `createApp` and served by `@hono/node-server` on a random
 * loopback port.
 *
 * @example
 * const server = await startDemoServer({ webRoot: 'web/dist' });
 * // … drive a browser at server.url …
 * await server.close();
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { EventStore } from '../../src/core/event-store.ts';
import type { EventRecord } from '../../src/core/record.ts';
import { duckdbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { loadRegistry } from '../../src/cli/wiring.ts';
import { loadImportContext } from '../../src/cli/import-context.ts';
import { loadDemo } from '../../src/cli/demo.ts';
import { createApp } from '../../src/server/app.ts';

export interface DemoServer {
  url: string;
  store: EventStore;
  close(): Promise<void>;
}

/**
 * Starts a server. `store` may be given; otherwise a temporary DuckDB file is filled with the demo data (and
 * `extra` records) and removed on close.
 */
export async function startDemoServer(opts: { webRoot: string; store?: EventStore; port?: number; extra?: EventRecord[] }): Promise<DemoServer> {
  const registry = loadRegistry();
  let dir: string | undefined;
  let store = opts.store;
  if (!store) {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-web-'));
    store = await duckdbStore(join(dir, 'demo.duckdb'));
    // The demo `sitrep serve --demo` loads (data/demo), so the browser tests see what a reader first sees.
    await loadDemo(store, await loadImportContext(registry, {}));
    if (opts.extra?.length) await store.write(opts.extra, { by: 'import:webtest' });
  }
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
