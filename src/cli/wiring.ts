/**
 * Composition: opening the store and loading the registry from settings, shared by every command.
 */
import { readFileSync } from 'node:fs';
import { createActorRegistry, registryFileSchema, type ActorRegistry } from '../core/actor-registry.ts';
import type { EventStore } from '../core/event-store.ts';
import type { WithAccounts } from '../core/account-store.ts';
import { UserError } from '../core/errors.ts';
import { duckdbStore } from '../store/duckdb/duckdb-store.ts';
import { currentSignal } from '../server/cancellation.ts';
import { loadGazetteer, type Gazetteer } from '../geo/gazetteer.ts';
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

/**
 * The store named by `--db` or the `db` setting, with its accounts (`store.accounts`), under the DuckDB memory
 * limit the setting `limit` names.
 */
export function openStore(opts: { db?: string }, limit: 'memoryLimit' | 'importMemoryLimit' = 'memoryLimit'): Promise<EventStore & WithAccounts> {
  const memoryLimit = setting(limit);
  // The server's requests cancel the reads they started (a closed page, a timeout) through `currentSignal`.
  return duckdbStore(opts.db ?? setting('db'), { ...(memoryLimit ? { memoryLimit } : {}), signal: currentSignal });
}

/** Runs `fn` with the store open and closes it afterwards, whatever happens. */
export async function withStore<T>(opts: { db?: string }, fn: (store: EventStore & WithAccounts) => Promise<T>): Promise<T> {
  const store = await openStore(opts);
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
  let gazetteer: Gazetteer | undefined;
  return {
    suggest(prefix, countryIso3, limit) {
      gazetteer ??= loadGazetteer();
      return gazetteer.suggest(prefix, countryIso3, limit);
    },
  };
}
