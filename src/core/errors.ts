import type { EventRecord } from './record.ts';

/**
 * The two kinds of error (architecture.md, convention 4). A `UserError` is one the user can fix: it says what was
 * wrong, where, and what to do, in one line. Anything else is a bug and is reported with a request id.
 */
export class UserError extends Error {
  constructor(
    message: string,
    /** The parameter, flag or field at fault, when there is one. */
    readonly param?: string,
    /** What to do about it. */
    readonly hint?: string,
  ) {
    super(hint ? `${message}; ${hint}` : message);
    this.name = 'UserError';
  }
}

/**
 * A save that started from an older revision than the record now has: someone else saved in between. Nothing
 * was written; `current` is the record as it is now, so the caller can show the other change and merge.
 */
export class ConflictError extends Error {
  constructor(
    /** The record as it is now. */
    readonly current: EventRecord,
    /** The revision the save started from. */
    readonly baseRevision: number,
  ) {
    super(
      baseRevision === 0
        ? `record ${current.id} already exists (revision ${current.revision})`
        : `record ${current.id} has changed since revision ${baseRevision}: it is at revision ${current.revision}`,
    );
    this.name = 'ConflictError';
  }
}

/** A save or read of a record id that does not exist. */
export class RecordNotFoundError extends UserError {
  constructor(readonly id: string) {
    super(`no record ${JSON.stringify(id)}`, 'id');
    this.name = 'RecordNotFoundError';
  }
}

/**
 * A cell of an imported row that cannot be read: its column, its value and why. Importers throw it while mapping a
 * row and turn it into that row's rejection; nothing else they throw is about the data.
 */
export class CellError extends Error {
  constructor(readonly column: string, readonly value: string, message: string) {
    super(message);
    this.name = 'CellError';
  }
}
