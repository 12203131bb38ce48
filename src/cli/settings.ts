/**
 * Every setting, declared once: name, default, environment variable and help. The README's configuration
 * table is written from this list (`sitrep settings`).
 */
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface Setting {
  name: string;
  env: string;
  default: string;
  help: string;
}

export const settings = {
  db: { name: 'db', env: 'SITREP_DB', default: './sitrep.duckdb', help: 'DuckDB file of the embedded store (--db)' },
  actors: { name: 'actors', env: 'SITREP_ACTORS', default: `${projectRoot}data/actors.json`, help: 'actor registry file: actors, aliases and context rules' },
  host: { name: 'host', env: 'SITREP_HOST', default: '127.0.0.1', help: 'address the server binds to (--host); loopback unless told otherwise' },
  port: { name: 'port', env: 'SITREP_PORT', default: '8080', help: 'port the server listens on (--port)' },
  // Reads need little beyond what DuckDB caches of the file, which the operating system's page cache holds anyway:
  // at 2M records the dashboard, statistics and exports measured the same under 64MB as under 1GB, and a server's
  // first full export grows it by ~130 MB instead of ~900 (docs/benchmarks.md). DuckDB spills to disk beyond it.
  memoryLimit: { name: 'memoryLimit', env: 'SITREP_MEMORY_LIMIT', default: '64MB', help: 'DuckDB memory limit of reads (the server, query, stats, export; it spills to disk beyond it), e.g. 1GB' },
  // An import's staged rows spill to disk at little cost; the JavaScript heap and code come on top of the limit,
  // so a lower one keeps a large file's peak down (2M ACLED rows: 1.36–1.46 GiB with 500MB, 1.26 GiB with 400MB, as
  // fast: the merge streams the staged rows past a narrow hash table and spills what does not fit).
  importMemoryLimit: { name: 'importMemoryLimit', env: 'SITREP_IMPORT_MEMORY_LIMIT', default: '400MB', help: 'DuckDB memory limit of imports and other writes (`sitrep import`, imports and edits through the server, migrations), e.g. 2GB' },
  webRoot: { name: 'webRoot', env: 'SITREP_WEB_ROOT', default: `${projectRoot}web/dist`, help: 'built web app the server serves at / (absent: / explains how to build it)' },
  queryTimeout: { name: 'queryTimeout', env: 'SITREP_QUERY_TIMEOUT_MS', default: '15000', help: 'milliseconds an API query may run before it answers 503 (0: no limit)' },
  cacheTtl: { name: 'cacheTtl', env: 'SITREP_CACHE_TTL_MS', default: '30000', help: 'milliseconds the API reuses an aggregate answer (writes through the server clear it; 0: off)' },
  rateLimit: { name: 'rateLimit', env: 'SITREP_RATE_LIMIT', default: '600', help: 'API requests per minute per client address before 429 (0: no limit)' },
  token: { name: 'token', env: 'SITREP_TOKEN', default: '', help: 'API token `sitrep import --server` sends (scope write, of a reviewer or admin)' },
  maxImportBytes: { name: 'maxImportBytes', env: 'SITREP_MAX_IMPORT_BYTES', default: String(4 * 1024 ** 3), help: 'largest file, in bytes, the server accepts at POST /api/imports (`sitrep import --server`), and the most text a compressed one may unpack to' },
  corsOrigins: { name: 'corsOrigins', env: 'SITREP_CORS_ORIGINS', default: '', help: 'comma-separated origins that may call the API from a browser (empty: CORS off)' },
  requireDistinctReviewer: { name: 'requireDistinctReviewer', env: 'SITREP_REQUIRE_DISTINCT_REVIEWER', default: 'false', help: 'true: nobody may publish a record whose content they wrote since it was last published (four eyes)' },
  sessionHours: { name: 'sessionHours', env: 'SITREP_SESSION_HOURS', default: '168', help: 'hours a web sign-in lasts before signing in again' },
  secureCookies: { name: 'secureCookies', env: 'SITREP_SECURE_COOKIES', default: 'auto', help: 'auto: session cookies are Secure over https; always: always (set it behind a TLS-terminating proxy)' },
} satisfies Record<string, Setting>;

/** The value of a setting: the environment variable if set, else the default. */
export function setting(name: keyof typeof settings): string {
  const s = settings[name];
  return process.env[s.env] || s.default;
}
