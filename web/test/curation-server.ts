/**
 * A Sitrep server for the curation browser test: a DuckDB store in a temporary file with the API fixtures, one
 * user per role (password `testPassword`), the real offline gazetteer, the importers, and the built web app, on a random
 * loopback port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { duckdbStore, type DuckdbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { loadRegistry } from '../../src/cli/wiring.ts';
import { importerFor } from '../../src/cli/run-import.ts';
import { loadGazetteer } from '../../src/geo/gazetteer.ts';
import { publicFixtures } from '../../src/server/api-fixture.ts';
import { addTestUsers } from '../../src/server/auth/test-client.ts';
import { createApp } from '../../src/server/app.ts';

export interface CurationServer {
  url: string;
  store: DuckdbStore;
  close(): Promise<void>;
}

/** Starts the server. */
export async function startCurationServer(opts: { webRoot: string }): Promise<CurationServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-curation-'));
  const store = await duckdbStore(join(dir, 'curation.duckdb'));
  await store.write(publicFixtures(), { by: 'import:fixtures' });
  await addTestUsers(store.accounts);
  const registry = loadRegistry();
  const app = createApp({
    store,
    registry,
    importer: importerFor(registry),
    accounts: store.accounts,
    places: loadGazetteer(),
    options: { webRoot: opts.webRoot, rateLimitPerMinute: 0, log: () => undefined, cacheTtlMs: 0 },
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        store,
        close: async () => {
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          await new Promise<void>((done) => server.close(() => done()));
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      });
    });
  });
}
