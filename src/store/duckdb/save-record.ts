/**
 * A curator's save on DuckDB: the check against the editor's base revision and the write happen under the
 * store's one write lock, so between reading the current revision and committing the new one no other write
 * can land — two editors saving from the same revision cannot both succeed, and the second is told why.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ConflictError, RecordNotFoundError } from '../../core/errors.ts';
import type { EventStore, WriteOptions, WriteSummary } from '../../core/event-store.ts';
import type { EventRecord } from '../../core/record.ts';
import { hydrate } from './reads.ts';

type WriteLocked = (records: Iterable<EventRecord>, opts: WriteOptions) => Promise<WriteSummary>;

/** The record as stored, read on the writer connection (so it sees the writer's own last commit). */
export async function readForWrite(writer: DuckDBConnection, id: string): Promise<EventRecord | undefined> {
  const rows = (await writer.runAndReadAll('SELECT doc, imported_at, status, visibility, revision FROM records WHERE id = ?', [id])).getRowObjectsJS();
  return rows[0] ? hydrate(rows[0] as Record<string, unknown>) : undefined;
}

/** `saveRecord` over the writer connection, its lock and the lock-free write path. */
export function duckdbSaveRecord(writer: DuckDBConnection, writeLock: <T>(fn: () => Promise<T>) => Promise<T>, writeLocked: WriteLocked): EventStore['saveRecord'] {
  return (record, { by, comment, baseRevision }) =>
    writeLock(async () => {
      const current = await readForWrite(writer, record.id);
      if (baseRevision === 0) {
        if (current) throw new ConflictError(current, 0);
      } else {
        if (!current) throw new RecordNotFoundError(record.id);
        if (current.revision !== baseRevision) throw new ConflictError(current, baseRevision);
      }
      await writeLocked([record], { by, ...(comment ? { comment } : {}) });
      return (await readForWrite(writer, record.id))!;
    });
}
