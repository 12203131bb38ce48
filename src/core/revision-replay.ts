/**
 * Every revision of a record, rebuilt. The store keeps the current record and, per revision, the fields that
 * changed with their old and new values; undoing the changes one revision at a time, newest first, gives the
 * record as it stood at each revision. Reverting, readable diffs and public change notes are built on this.
 *
 * @example
 * const states = replayRevisions(record, await store.history(scope, record.id));
 * states.find((s) => s.revision === 2)?.record.killed.best; // casualties as they were at revision 2
 */
import type { Revision } from './event-store.ts';
import type { EventRecord } from './record.ts';

/** The record as it stood after one revision. */
export interface RevisionState {
  revision: number;
  at: string;
  by: string;
  comment: string | null;
  /** The fields this revision changed (null for the first). */
  changes: Revision['changes'];
  record: EventRecord;
}

/** Sets `path` (`place.lat`) in `target` to `value`, creating objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next == null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = structuredClone(value);
}

/**
 * The record at each revision in `history`, oldest first. `current` must be the record at the newest revision
 * of `history` (as `get` and `history` return them together).
 */
export function replayRevisions(current: EventRecord, history: readonly Revision[]): RevisionState[] {
  const newestFirst = [...history].sort((a, b) => b.revision - a.revision);
  let state = structuredClone(current) as unknown as Record<string, unknown>;
  const states: RevisionState[] = [];
  for (const rev of newestFirst) {
    states.push({ revision: rev.revision, at: rev.at, by: rev.by, comment: rev.comment, changes: rev.changes, record: { ...(state as unknown as EventRecord), revision: rev.revision } });
    if (!rev.changes) break;
    state = structuredClone(state);
    for (const change of rev.changes) setPath(state, change.field, change.old);
  }
  return states.reverse();
}

/** The record as it stood at `revision`, or undefined when there is no such revision. */
export function recordAtRevision(current: EventRecord, history: readonly Revision[], revision: number): EventRecord | undefined {
  return replayRevisions(current, history).find((s) => s.revision === revision)?.record;
}
