/**
 * What a refused save answers. A stale save (someone else saved since the editor's base revision) is a 409
 * carrying the record as it is now and the other editors' changes — fields with old and new values, who and
 * when — so the editor sees exactly what they would have overwritten and nothing is lost.
 */
import { CurationError } from '../../core/curation.ts';
import { ConflictError, RecordNotFoundError } from '../../core/errors.ts';
import type { EventStore } from '../../core/event-store.ts';
import type { AccessScope } from '../../core/filter.ts';
import { ApiError } from '../errors.ts';
import { invalidRecord } from './compose.ts';

/** The 409 for `e`, with `current` and `theirChanges` beside the error. */
export async function conflictError(store: EventStore, scope: AccessScope, e: ConflictError): Promise<ApiError> {
  const theirChanges = (await store.history(scope, e.current.id)).filter((r) => r.revision > e.baseRevision);
  const who = [...new Set(theirChanges.map((r) => r.by))].join(', ');
  const message = e.baseRevision === 0 ? e.message : `${e.message}${who ? ` (saved by ${who})` : ''}; your change was not saved`;
  return new ApiError(409, 'conflict', message, 'baseRevision', 'compare your change with `current` and `theirChanges`, then save again with baseRevision set to current.revision', {}, undefined, {
    current: e.current,
    theirChanges,
  });
}

/** Runs a save, turning a conflict into its 409, an edit of a dataset's field into a 400 and a missing record into a 404. */
export async function saving<T>(store: EventStore, scope: AccessScope, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (e) {
    if (e instanceof ConflictError) throw await conflictError(store, scope, e);
    if (e instanceof RecordNotFoundError) throw new ApiError(404, 'not_found', e.message, 'id');
    if (e instanceof CurationError) throw invalidRecord(e.problems.map((p) => ({ field: p.field, message: p.message })));
    throw e;
  }
}
