// The answer cache over a real store: shared answers, per-scope keys, clearing on write, expiry, no kept failures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventStore } from '../core/event-store.ts';
import { fullScope, publicScope } from '../core/filter.ts';
import { duckdbStore } from '../store/duckdb/duckdb-store.ts';
import { fixtureRecord, hiddenFixtures, publicFixtures } from './api-fixture.ts';
import { cachedStore } from './cached-store.ts';

let store: EventStore;
let calls: string[];
/** The real store, noting each facet and count call that reaches it. */
let counted: EventStore;

beforeEach(async () => {
  store = await duckdbStore(':memory:');
  await store.write(publicFixtures(), { by: 'test' });
  calls = [];
  counted = {
    ...store,
    facets: (...args) => (calls.push('facets'), store.facets(...args)),
    count: (...args) => (calls.push('count'), store.count(...args)),
  };
});
afterEach(() => store.close());

describe('cachedStore', () => {
  it('answers identical questions once, even concurrently, keyed by scope and filter', async () => {
    const cache = cachedStore(counted, { ttlMs: 60_000 });
    const [a, b] = await Promise.all([cache.facets(publicScope, { kind: ['attack'], country: ['AFG'] }, ['kind']), cache.facets(publicScope, { country: ['AFG'], kind: ['attack'] }, ['kind'])]);
    expect(a).toEqual(b);
    expect(calls).toEqual(['facets']);
    await cache.facets(fullScope, { kind: ['attack'], country: ['AFG'] }, ['kind']);
    await cache.facets(publicScope, { kind: ['attack'] }, ['kind']);
    expect(calls).toEqual(['facets', 'facets', 'facets']);
  });

  it('answers a facet alone from the answer that counted it with others under the same filter', async () => {
    const cache = cachedStore(counted, { ttlMs: 60_000 });
    await cache.facets(publicScope, {}, ['kind', 'country'], 12);
    // The first kind toggle: the countries under the kind filter are counted; the kinds (without it) are known.
    const attack = await cache.facets(publicScope, { kind: ['attack'] }, ['kind', 'country'], 12);
    expect(calls).toEqual(['facets', 'facets']);
    expect(attack).toEqual(await store.facets(publicScope, { kind: ['attack'] }, ['kind', 'country'], 12));
  });

  it('keeps no facet of an answer counted before a write that ended while it was on its way', async () => {
    let counted!: () => void;
    let release!: () => void;
    const isCounted = new Promise<void>((r) => (counted = r));
    const released = new Promise<void>((r) => (release = r));
    let first = true;
    const slow: EventStore = {
      ...store,
      facets: async (...args) => {
        const answer = await store.facets(...args);
        if (first) {
          first = false;
          counted();
          await released;
        }
        return answer;
      },
    };
    const cache = cachedStore(slow, { ttlMs: 60_000 });
    const during = cache.facets(publicScope, {}, ['kind', 'dataset'], 12);
    await isCounted;
    await cache.write([fixtureRecord({ id: 'fx:during', kind: 'clash' })], { by: 'test' });
    release();
    await during;
    // The kinds without the kind filter are counted again, with the new record.
    const after = await cache.facets(publicScope, { kind: ['attack'] }, ['kind', 'dataset'], 12);
    expect(after.kind).toEqual((await store.facets(publicScope, {}, ['kind'], 12)).kind);
  });

  it('counts a facet once for every value of its own filter, as a reader toggles it', async () => {
    const cache = cachedStore(counted, { ttlMs: 60_000 });
    const attack = await cache.facets(publicScope, { kind: ['attack'] }, ['kind', 'country']);
    const clash = await cache.facets(publicScope, { kind: ['clash'] }, ['kind', 'country']);
    // The kinds are counted without the kind filter: once. The countries under each kind: twice.
    expect(calls).toEqual(['facets', 'facets', 'facets']);
    expect(clash.kind).toEqual(attack.kind);
    expect(clash).toEqual(await store.facets(publicScope, { kind: ['clash'] }, ['kind', 'country']));
  });

  it('forgets everything when it writes, and each answer after the TTL', async () => {
    let t = 0;
    const cache = cachedStore(counted, { ttlMs: 1000, now: () => t });
    expect(await cache.count(publicScope, {})).toBe(5);
    await cache.write([fixtureRecord({ id: 'fx:new' })], { by: 'test' });
    expect(await cache.count(publicScope, {})).toBe(6);
    // A write that bypasses the cache shows once the answer expires.
    await store.write(hiddenFixtures().map((r) => ({ ...r, id: `${r.id}-published`, status: 'published' as const, visibility: 'public' as const })), { by: 'test' });
    t = 500;
    expect(await cache.count(publicScope, {})).toBe(6);
    t = 1500;
    expect(await cache.count(publicScope, {})).toBe(8);
    expect(calls).toEqual(['count', 'count', 'count']);
  });

  it('does not keep failures', async () => {
    let fail = true;
    const flaky: EventStore = { ...store, count: async (...args) => { if (fail) throw new Error('busy'); return store.count(...args); } };
    const cache = cachedStore(flaky, { ttlMs: 60_000 });
    await expect(cache.count(publicScope, {})).rejects.toThrow('busy');
    fail = false;
    expect(await cache.count(publicScope, {})).toBe(5);
  });

  it('is the store itself when disabled', () => {
    expect(cachedStore(store, { ttlMs: 0 })).toBe(store);
  });
});
