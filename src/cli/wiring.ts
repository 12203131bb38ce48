/**
 * Composition: opening the store and loading the registry from settings, shared by every command.
 */
import { closeSync, openSync, readSync, readFileSync, statSync } from 'node:fs';
import { createActorRegistry, registryFileSchema, type ActorRegistry } from '../core/actor-registry.ts';
import type { EventStore } from '../core/event-store.ts';
import type { WithAccounts } from '../core/account-store.ts';
import { UserError } from '../core/errors.ts';
import { duckdbStore, isMemorySize } from '../store/duckdb/duckdb-store.ts';
import { currentSignal } from '../server/cancellation.ts';
import { sharedGazetteer } from './import-context.ts';
import type { PlaceSuggester } from '../server/context.ts';
import { setting, settings } from './settings.ts';

/** Loads the actor registry named by the `actors` setting. */
export function loadRegistry(path = setting('actors')): ActorRegistry {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserError(`cannot read the actor registry ${path} (${(e as Error).message})`, settings.actors.env, 'fix the JSON or point the variable at a valid file');
  }
  const parsed = registryFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`invalid actor registry ${path}: ${issue.path.join('.')}: ${issue.message}`, settings.actors.env);
  }
  return createActorRegistry(parsed.data);
}

/** How a command opens the store: only the commands that fill one (import, demo, serve, users add) may create it. */
export interface OpenOptions {
  create?: boolean;
  limit?: 'memoryLimit' | 'importMemoryLimit';
}

/**
 * The store named by `--db` or the `db` setting, with its accounts (`store.accounts`), under the DuckDB memory
 * limit the setting `limit` names. A path that is no store is refused before DuckDB sees it: DuckDB would create
 * an empty store at a mistyped path (and a command reading it would answer "0 records"), and opens some paths
 * (an empty one, a `.csv` or `.json` file) as a store in memory, where an import vanishes when it ends.
 */
export async function openStore(opts: { db?: string }, { create = false, limit = 'memoryLimit' }: OpenOptions = {}): Promise<EventStore & WithAccounts> {
  const path = opts.db ?? setting('db');
  const param = opts.db !== undefined ? '--db' : settings.db.env;
  checkStorePath(path, param, create);
  const memoryLimit = setting(limit);
  // Commands that mostly read (the server, query) still write at times (an import sent to the server, a
  // migration, opening a store whose log a killed process left): those writes get the import's limit, if larger.
  const importLimit = limit === 'memoryLimit' ? setting('importMemoryLimit') : undefined;
  const writeMemoryLimit = importLimit && bytes(importLimit) > bytes(memoryLimit) ? importLimit : undefined;
  try {
    // The server's requests cancel the reads they started (a closed page, a timeout) through `currentSignal`.
    return await duckdbStore(path, {
      memoryLimit,
      ...(writeMemoryLimit ? { writeMemoryLimit } : {}),
      signal: currentSignal,
      onUpgrade: (file) => process.stderr.write(`sitrep: copying ${file}, written by an earlier version, into DuckDB's newer storage version (once; under a minute per 2 million records)\n`),
      onRestate: (records) => process.stderr.write(`sitrep: checking the ${records.toLocaleString('en')} records of ${path} against the current record model, and writing again those of an older one (once per change of the model; about a minute per 2 million records to check, minutes more to rewrite)\n`),
    });
  } catch (e) {
    // A size DuckDB does not read fails the opening: say which setting holds it (checked only then, as it costs
    // a DuckDB instance per setting).
    for (const name of importLimit ? [limit, 'importMemoryLimit' as const] : [limit]) await checkMemorySetting(name);
    throw storeOpenError(path, param, e, limit, writeMemoryLimit ? 'importMemoryLimit' : limit);
  }
}

/** Refuses, in one line, a memory setting DuckDB does not read as a size. */
async function checkMemorySetting(name: 'memoryLimit' | 'importMemoryLimit'): Promise<void> {
  const value = setting(name);
  if (await isMemorySize(value)) return;
  const { env } = settings[name];
  throw new UserError(`invalid ${env} "${value}": DuckDB does not read it as a memory size`, env, 'write a size such as 1GB or 500MB');
}

/** Bytes in a size DuckDB has read (`1GB` is 10^9, `1GiB` 2^30); Infinity for a form not known here. */
function bytes(size: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(size);
  const unit = m?.[2]!.toLowerCase().replace(/^(bytes?)$/, 'b') ?? '';
  const scale: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40 };
  return m && scale[unit] ? Number(m[1]) * scale[unit] : Infinity;
}

/** DuckDB files carry "DUCK" at byte 8 of their header. */
function isDuckdbFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(12);
    return readSync(fd, head, 0, 12, 0) === 12 && head.subarray(8, 12).toString('latin1') === 'DUCK';
  } finally {
    closeSync(fd);
  }
}

function checkStorePath(path: string, param: string, create: boolean): void {
  if (path === ':memory:') return;
  if (!path.trim()) throw new UserError(`the store path (${param}) is empty`, param, 'name a store file, e.g. ./sitrep.duckdb');
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) {
    if (create) return;
    throw new UserError(`there is no store at ${path} (${param})`, param, 'check the path; `sitrep import` or `sitrep demo` creates a store');
  }
  if (stat.isDirectory()) throw new UserError(`${path} (${param}) is a folder, not a store`, param, 'name the store file');
  if (stat.size > 0 && !isDuckdbFile(path)) {
    throw new UserError(`${path} (${param}) is not a Sitrep store: not a DuckDB database file`, param, 'name a store file, or a new path to create one');
  }
}

/**
 * DuckDB's reasons for not opening a store, as the one-line errors of the CLI; other errors pass unchanged.
 * The usual one: `sitrep serve` holds the file (DuckDB lets one process open a store to write) and an import is
 * started beside it.
 */
function storeOpenError(path: string, param: string, e: unknown, limit: NonNullable<OpenOptions['limit']>, openedUnder: NonNullable<OpenOptions['limit']>): unknown {
  const message = e instanceof Error ? e.message : String(e);
  const importing = limit === 'importMemoryLimit';
  // Opening replays the log a killed process left (a whole import, perhaps) and migrates, under `openedUnder`.
  if (/^Out of Memory Error/.test(message)) {
    const { env } = settings[openedUnder];
    return new UserError(`DuckDB ran out of memory opening the store ${path} (replaying its log or updating it) within ${env}=${setting(openedUnder)}`, env, `raise ${env}, e.g. 4GB, for this once`);
  }
  const locked = /Could not set lock on file .*?held in (.*?) \(PID (\d+)\)/.exec(message);
  if (locked) {
    return new UserError(
      `the store ${path} (${param}) is open in another process (${locked[1]}, PID ${locked[2]}); a store opens in one process at a time`,
      param,
      importing
        ? 'if it is `sitrep serve`, send the files to it instead (sitrep import FILE --server http://127.0.0.1:8080 --token TOKEN), or stop it and run this command again'
        : 'stop that process (a running `sitrep serve`?) and run this command again',
    );
  }
  if (/not a valid DuckDB database file/.test(message)) {
    return new UserError(`${path} (${param}) is not a Sitrep store: not a DuckDB database file`, param, 'name a store file, or a new path to create one');
  }
  if (/Cannot open file .*No such file or directory/.test(message)) {
    return new UserError(`cannot create the store ${path} (${param}): its folder does not exist`, param, 'create the folder or name another path');
  }
  if (/Cannot open file .*Permission denied/.test(message)) {
    return new UserError(`cannot open the store ${path} (${param}): permission denied`, param, 'check the file\'s and its folder\'s permissions');
  }
  return e;
}

/** Runs `fn` with the store open and closes it afterwards, whatever happens. */
export async function withStore<T>(opts: { db?: string }, fn: (store: EventStore & WithAccounts) => Promise<T>, open: OpenOptions = {}): Promise<T> {
  const store = await openStore(opts, open);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * Place suggestions from the offline gazetteer, loaded on first use: it takes a second or two, which a server
 * that nobody edits on should not pay at start.
 */
export function lazyPlaces(): PlaceSuggester {
  return { suggest: (prefix, countryIso3, limit) => sharedGazetteer().suggest(prefix, countryIso3, limit) };
}
