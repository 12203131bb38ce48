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
  memoryLimit: { name: 'memoryLimit', env: 'SITREP_MEMORY_LIMIT', default: '', help: 'DuckDB memory limit such as 2GB (empty: DuckDB default)' },
} satisfies Record<string, Setting>;

/** The value of a setting: the environment variable if set, else the default. */
export function setting(name: keyof typeof settings): string {
  const s = settings[name];
  return process.env[s.env] || s.default;
}
