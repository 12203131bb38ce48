/**
 * A curator's save on DuckDB: the check against the editor's base revision and the write happen under the
 * store's one write lock, so between reading the current revision and committing the new one no other write
 * can land — two editors saving from the same revision cannot both succeed, and the second is told why.
 *
 * The save also keeps the curator overlay (`src/core/curation.ts`) in the same transaction: what curators
 * added to an imported record, which a re-import puts back on top of the dataset's version, and the note.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { curatorEdit } from '../../core/curation.ts';
import { ConflictError, RecordNotFoundError } from '../../core/errors.ts';
import type { EventStore, WriteOptions, WriteSummary } from '../../core/event-store.ts';
import type { EventRecord } from '../../core/record.ts';
import { readOverlay, writeOverlay } from './curation-store.ts';
import type { WriteInternals } from './duckdb-store.ts';
import { hydrate } from './reads.ts';

type WriteLocked = (records: Iterable<EventRecord>, opts: WriteOptions, internal: WriteInternals) => Promise<WriteSummary>;

/** The record as stored, read on the writer connection (so it sees the writer's own last commit). */
export async function readForWrite(writer: DuckDBConnection, id: string): Promise<EventRecord | undefined> {
  const rows = (await writer.runAndReadAll('SELECT doc, imported_at, status, visibility, revision FROM records WHERE id = ?', [id])).getRowObjectsJS();
  return rows[0] ? hydrate(rows[0] as Record<string, unknown>) : undefined;
}

/** `saveRecord` over the writer connection, its lock and the lock-free write path. */
export function duckdbSaveRecord(writer: DuckDBConnection, writeLock: <T>(fn: () => Promise<T>) => Promise<T>, writeLocked: WriteLocked): EventStore['saveRecord'] {
  return (record, { by, comment, baseRevision, note }) =>
    writeLock(async () => {
      const current = await readForWrite(writer, record.id);
      if (baseRevision === 0) {
        if (current) throw new ConflictError(current, 0);
      } else {
        if (!current) throw new RecordNotFoundError(record.id);
        if (current.revision !== baseRevision) throw new ConflictError(current, baseRevision);
      }
      const before = await readOverlay(writer, record.id);
      // Throws CurationError, before anything is written, for an edit of a dataset's field.
      const after = curatorEdit(current, before, record, note);
      const noteChanged = (before?.note ?? null) !== after.note;
      const overlayChanged = JSON.stringify(before ?? null) !== JSON.stringify(after);

      await writeLocked([record], { by, ...(comment ? { comment } : {}) }, {
        final: true,
        afterMerge: async (c, summary, at) => {
          if (overlayChanged) await writeOverlay(c, record.id, after, by, at);
          if (!noteChanged) return;
          // The note is not part of the record's document, but changing it is a revision like any other.
          const change = { field: 'note', old: before?.note ?? null, new: after.note };
          if (summary.unchanged) {
            await c.run('UPDATE records SET revision = revision + 1 WHERE id = ?', [record.id]);
            await c.run('INSERT INTO revisions SELECT id, revision, CAST(? AS TIMESTAMP), ?, ?, ? FROM records WHERE id = ?', [at, by, comment ?? null, JSON.stringify([change]), record.id]);
          } else {
            const row = (await c.runAndReadAll('SELECT revision, changes FROM revisions WHERE id = ? ORDER BY revision DESC LIMIT 1', [record.id])).getRowObjectsJS()[0]!;
            const changes = row.changes == null ? null : [...JSON.parse(String(row.changes)), change];
            await c.run('UPDATE revisions SET changes = ? WHERE id = ? AND revision = ?', [changes && JSON.stringify(changes), record.id, Number(row.revision)]);
          }
        },
      });
      return (await readForWrite(writer, record.id))!;
    });
}
