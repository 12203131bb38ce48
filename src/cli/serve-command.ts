/**
 * `sitrep serve`: opens the store and the registry, builds the HTTP app around them and listens, on the
 * loopback address unless told otherwise. Ctrl-C (SIGINT) or SIGTERM stops accepting requests, lets the
 * ones in flight finish for a few seconds, and closes the store so the DuckDB file is left clean.
 */
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { ActorRegistry } from '../core/actor-registry.ts';
import type { EventStore } from '../core/event-store.ts';
import { UserError } from '../core/errors.ts';
import { wholeNumber } from './flags.ts';
import type { PlaceSuggester, ServerOptions } from '../server/context.ts';
import type { AccountStore } from '../core/account-store.ts';
import type { Importer } from '../core/importing.ts';
import { importerFor } from './run-import.ts';
import { projectRoot, setting, settings } from './settings.ts';
import { lazyPlaces, loadRegistry, openStore } from './wiring.ts';
import { loadDemo } from './demo.ts';
import { loadImportContext } from './import-context.ts';
import { fullScope } from '../core/filter.ts';

export interface RunningServer {
  url: string;
  /** Stops accepting connections, waits up to `graceMs` for open ones, then drops them. */
  close(graceMs?: number): Promise<void>;
}

/** Listens on `host:port` (port 0: any free port) with the app built around `store` and `registry`. */
export async function startServer(
  store: EventStore,
  registry: ActorRegistry,
  host: string,
  port: number,
  options: Partial<ServerOptions> = {},
  extra: { accounts?: AccountStore; places?: PlaceSuggester; importer?: Importer } = {},
): Promise<RunningServer> {
  const version = JSON.parse(readFileSync(`${projectRoot}package.json`, 'utf8')).version as string;
  // The HTTP app is loaded by the command that serves it, not by every other command (~0.25 s).
  const [{ createApp }, { serve }] = await Promise.all([import('../server/app.ts'), import('@hono/node-server')]);
  const app = createApp({ store, registry, ...extra, options: { ...options, version } });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: (graceMs = 5000) =>
          new Promise<void>((done) => {
            const force = setTimeout(() => (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(), graceMs);
            server.close(() => {
              clearTimeout(force);
              done();
            });
          }),
      });
    });
    // Node gives a request five minutes to arrive whole; a file sent to POST /api/imports over a slow link may
    // need longer (headers still have a minute: a connection that never says who it is does not linger).
    (server as unknown as { requestTimeout: number }).requestTimeout = 3600_000;
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new UserError(`port ${port} on ${host} is already in use`, '--port', 'stop the other server or pass another --port'));
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') reject(new UserError(`cannot listen on ${host}: no such address on this machine`, '--host'));
      else reject(e);
    });
  });
}

/** Server options from the settings (each declared once in settings.ts). */
export function serverOptionsFromSettings(): Partial<ServerOptions> {
  const oneOf = <T extends string>(name: 'requireDistinctReviewer' | 'secureCookies', allowed: readonly T[]): T => {
    const v = setting(name).trim().toLowerCase();
    if (!allowed.includes(v as T)) throw new UserError(`invalid ${settings[name].env} "${setting(name)}": expected ${allowed.join(' or ')}`, settings[name].env);
    return v as T;
  };
  const number = (name: 'queryTimeout' | 'rateLimit' | 'cacheTtl' | 'sessionHours' | 'maxImportBytes') => {
    const n = Number(setting(name));
    if (!Number.isFinite(n) || n < 0) throw new UserError(`invalid ${settings[name].env} "${setting(name)}": expected a whole number ≥ 0`, settings[name].env);
    return n;
  };
  return {
    webRoot: setting('webRoot'),
    queryTimeoutMs: number('queryTimeout'),
    cacheTtlMs: number('cacheTtl'),
    maxImportBytes: number('maxImportBytes'),
    rateLimitPerMinute: number('rateLimit'),
    corsOrigins: setting('corsOrigins').split(',').map((o) => o.trim()).filter(Boolean),
    requireDistinctReviewer: oneOf('requireDistinctReviewer', ['true', 'false']) === 'true',
    sessionTtlMs: Math.max(number('sessionHours'), 0.01) * 3600_000,
    secureCookies: oneOf('secureCookies', ['auto', 'always'] as const),
  };
}

const loopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** The `serve` command. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the API (/api, documented at /api/docs) and the web app on this machine')
    .option('--db <path>', `store file (default: $${settings.db.env} or ${settings.db.default})`)
    .option('--host <address>', `address to listen on (default: $${settings.host.env} or ${settings.host.default})`)
    .option('--port <n>', `port (default: $${settings.port.env} or ${settings.port.default}; 0 picks a free one)`)
    .option('--demo', 'load the demo dataset first when the store is empty')
    .action(async (opts: { db?: string; host?: string; port?: string; demo?: boolean }) => {
      const host = opts.host ?? setting('host');
      const port = wholeNumber(opts.port !== undefined ? '--port' : settings.port.env, opts.port ?? setting('port'), 65535, 0);
      const options = serverOptionsFromSettings();
      const registry = loadRegistry();
      const store = await openStore(opts, { create: true });
      let server: RunningServer;
      try {
        if (opts.demo && (await store.count(fullScope, {})) === 0) {
          process.stderr.write('The store is empty: loading the demo dataset (UCDP GED Pakistan, a UCDP GED sample, the curated ISKP list)…\n');
          const reports = await loadDemo(store, await loadImportContext(registry, {}));
          process.stderr.write(`Loaded ${reports.reduce((n, r) => n + r.inserted, 0).toLocaleString('en')} records.\n`);
        }
        server = await startServer(store, registry, host, port, options, { accounts: store.accounts, places: lazyPlaces(), importer: importerFor(registry) });
      } catch (e) {
        await store.close();
        throw e;
      }
      process.stdout.write(`Sitrep is running at ${server.url}\n`);
      if ((await store.accounts.countUsers()) === 0) {
        process.stderr.write('No accounts yet: readers see published records; to sign in and edit, create the first administrator with\n  sitrep users add --role admin NAME\n');
      }
      if (!loopback.test(host)) process.stderr.write(`warning: listening on ${host}, so other machines can reach this server; use --host 127.0.0.1 to keep it local\n`);
      await new Promise<void>((stopped) => {
        const stop = async (signal: string) => {
          process.off('SIGINT', onInt).off('SIGTERM', onTerm);
          process.stderr.write(`${signal}: stopping\n`);
          await server.close();
          await store.close();
          stopped();
        };
        const onInt = () => void stop('SIGINT');
        const onTerm = () => void stop('SIGTERM');
        process.on('SIGINT', onInt).on('SIGTERM', onTerm);
      });
    });
}
