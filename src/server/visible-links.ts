/**
 * Links are part of a published record, but the record at the other end may be a draft or internal: its id
 * alone would tell an anonymous reader that it exists. Every record the API sends has its links cut to the
 * records the caller may see.
 */
import type { EventStore } from '../core/event-store.ts';
import { readsEverything, type AccessScope } from '../core/filter.ts';
import type { EventRecord } from '../core/record.ts';

/** The ids among `ids` that `scope` may see. */
export async function visibleIds(store: EventStore, scope: AccessScope, ids: readonly string[]): Promise<Map<string, EventRecord>> {
  const found = new Map<string, EventRecord>();
  for (let i = 0; i < ids.length; i += 1000) {
    const page = await store.query(scope, { id: ids.slice(i, i + 1000) }, { limit: 1000 });
    for (const r of page.records) found.set(r.id, r);
  }
  return found;
}

/**
 * `records` with links to records outside `scope` removed (one look-up for the whole batch). A caller who reads
 * everything gets the links as stored, those to records not (yet) in the store included: an export by an
 * administrator is a copy of the data.
 */
export async function withVisibleLinks(store: EventStore, scope: AccessScope, records: EventRecord[]): Promise<EventRecord[]> {
  if (readsEverything(scope)) return records;
  const ids = [...new Set(records.flatMap((r) => r.links.map((l) => l.recordId)))];
  if (!ids.length) return records;
  const visible = await visibleIds(store, scope, ids);
  return records.map((r) => (r.links.every((l) => visible.has(l.recordId)) ? r : { ...r, links: r.links.filter((l) => visible.has(l.recordId)) }));
}

/** The same over a stream, in batches, so an export stays in flat memory. */
export async function* streamWithVisibleLinks(store: EventStore, scope: AccessScope, records: AsyncIterable<EventRecord>, batch = 1000): AsyncIterable<EventRecord> {
  let buffer: EventRecord[] = [];
  for await (const r of records) {
    buffer.push(r);
    if (buffer.length >= batch) {
      yield* await withVisibleLinks(store, scope, buffer);
      buffer = [];
    }
  }
  if (buffer.length) yield* await withVisibleLinks(store, scope, buffer);
}
