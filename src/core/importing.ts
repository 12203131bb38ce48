/**
 * What an import is asked and what it answers, shared by `sitrep import` and the server's `POST /api/imports`.
 * The server may not build importers itself (the dependency rule): the CLI hands it an `Importer`.
 */
import { z } from 'zod';
import type { EventStore } from './event-store.ts';

/** Why one row did not become a record: file, line, column, value and reason, so a person can fix it. */
export const rejectionSchema = z.object({
  file: z.string(),
  line: z.number(),
  column: z.string().optional(),
  value: z.string().optional(),
  reason: z.string(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

/** What one imported file (or one member of a zip) did to the store. */
export const importReportSchema = z.object({
  file: z.string(),
  format: z.string(),
  read: z.number(),
  /** Rows read and left out on purpose (GDELT events whose CAMEO code was not asked for); counted in `read`. */
  skipped: z.number(),
  rejected: z.number(),
  unresolvedActors: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  archived: z.number(),
  /** The first rejections (every one goes to `onReject` and the rejects file). */
  rejections: z.array(rejectionSchema),
  /** The datasets the file's records belong to (`?dataset=` shows them). */
  datasets: z.array(z.string()),
  seconds: z.number(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** The choices `sitrep import` takes as flags, for one file. */
export interface ImportRequest {
  format?: string;
  encoding?: string;
  /** A workbook's sheet to read: its name, or its number from 1. Default: the first. */
  sheet?: string;
  /** Archive the dataset's records missing from this file (a full re-import). */
  sync?: boolean;
  /** Fraction of rows that may be rejected before the whole import fails. Default 0.01. */
  maxRejectRate?: number;
  /** Path of a column mapping (JSON or YAML), for `format: mapped`. */
  mapping?: string;
  /** GDELT: CAMEO codes to import, comma-separated. */
  gdeltCodes?: string;
  /** Who the revisions name. */
  by?: string;
  /**
   * The most text, in characters once unpacked and decoded, the file may hold (all members of a zip together).
   * A server sets its upload limit here, so a small compressed upload cannot unpack into far more; past it the
   * import fails and nothing is stored.
   */
  maxTextLength?: number;
}

export interface ImportCallbacks {
  /**
   * Rows read so far and the fraction of the file read (when known); then, once reading is done, `writing` with
   * how far the rows are written into the store (from 0, a few times a second).
   */
  onProgress?: (rows: number, fraction: number | undefined, stage: 'reading' | 'writing') => void;
  /** Every rejected row, as it is found. */
  onReject?: (rejection: Rejection) => void;
}

/** A format an importer reads: the name `format` takes, and what it is. */
export interface ImportFormat {
  name: string;
  description: string;
}

/** Reads files into a store, as `sitrep import` does. */
export interface Importer {
  /** The formats it reads, for `format` (without it, the format is detected from the file's first lines). */
  formats: readonly ImportFormat[];
  /**
   * Imports the file at `path` into `store`, each file in one transaction: reports per file, or a `UserError` and
   * nothing changed. `path`'s extension matters (`.gz`, `.zip`, `.xlsx`).
   */
  run(store: EventStore, path: string, request: ImportRequest, callbacks?: ImportCallbacks): Promise<ImportReport[]>;
}
