/**
 * The importer interface. Every format — Sitrep's own and each public dataset's — is a `SourceFormat`
 * registered in `registry.ts`, the same way a third party would add one: detect a file from its first bytes,
 * then stream it as records or rejections that say where and why.
 */
import type { Rejection } from '../core/importing.ts';
import type { EventRecordInput } from '../core/record.ts';

/** A decoded text file: its name and its text, streamed in chunks (already decompressed and decoded to UTF-8). */
export interface TextInput {
  /** The name the user gave (`events.csv.gz`) or, inside a zip, `archive.zip:member.csv`. */
  fileName: string;
  /** The first few kilobytes of decoded text, for detection. */
  head: string;
  /** The encoding it was decoded from (`utf-8`, `windows-1252`…). */
  encoding: string;
  /** The whole text, from the beginning, in chunks. */
  chunks(): AsyncIterable<string>;
  /** How far through the file the text read so far reaches (0–1), when that can be told: for the progress bar. */
  fraction?(): number | undefined;
  /**
   * The rows of a table that is not text (a workbook's sheet), each on its own line number (its row in Excel):
   * `csvRows` reads them instead of parsing `chunks`, the same table as CSV text.
   */
  rows?(): AsyncIterable<{ line: number; cells: string[] }>;
  /** Releases what the input holds beyond its reading (the temporary file of a workbook unpacked from a zip). */
  close?(): void;
}

export type { Rejection } from '../core/importing.ts';

export type SourceItem =
  | { ok: true; line: number; record: EventRecordInput }
  | { ok: false; rejection: Rejection };

/** How an importer resolves an actor name (wired by the CLI to the registry). */
export type ActorResolver = (
  name: string,
  context: { dataset: string; country?: string | null; admin1?: string | null; date?: string | null; dyad?: string | null; sourceActorId?: string | number | null },
) => string | undefined;

/** Offline place lookups (wired by the CLI to `src/geo`); importers use them when a row lacks coordinates or admin1. */
export interface PlaceLookup {
  geocode(name: string, countryIso3?: string): { lat: number; lon: number; country: string; admin1: string | null; precision: 'locality' | 'admin1' | 'country' } | undefined;
  admin1At(lon: number, lat: number): { country: string; admin1: string } | undefined;
}

export interface ImportContext {
  resolveActor: ActorResolver;
  places?: PlaceLookup;
  /** ISO timestamp of this import, for `provenance.importedAt` (the clock is passed in, not read). */
  importedAt: string;
  /** Format-specific options from the command line (`--mapping FILE` and the like), already read. */
  options: Readonly<Record<string, unknown>>;
  /** Told of each row the format reads and leaves out on purpose (not a rejection: nothing is wrong with it). */
  skipped?: () => void;
}

export interface SourceFormat {
  /** The `--format` name: `sitrep-ndjson`, `ucdp`, `acled`… */
  name: string;
  description: string;
  /** The dataset name its records carry (`ucdp`), for `--sync`; undefined when each record says its own. */
  dataset?: string;
  /**
   * A record id the file gives twice is rejected (`checked-items.ts`): the file's column it comes from, and what a
   * repeat means in this format and how to mend it. Default: column `id`, "a repeated row".
   */
  repeatedId?: { column: string; hint: string };
  /** True when this format can read a file that starts with `head`. */
  detect(input: Pick<TextInput, 'fileName' | 'head'>): boolean;
  /** Streams the file as records and rejections, in file order. A fatal problem (wrong header) throws a `SourceError`. */
  read(input: TextInput, context: ImportContext): AsyncIterable<SourceItem>;
}

/** A problem with a whole file (unreadable, wrong header): what, where and how to fix it. */
export class SourceError extends Error {
  constructor(message: string, readonly file: string, readonly line?: number) {
    super(line ? `${file} line ${line}: ${message}` : `${file}: ${message}`);
    this.name = 'SourceError';
  }
}

/** A file that unpacks to more text than the caller accepts (`maxTextLength`: a server's upload limit). */
export const tooMuchText = (file: string, limit: number) =>
  new SourceError(
    `the file unpacks to more than ${limit.toLocaleString('en')} characters of text, more than this server accepts (SITREP_MAX_IMPORT_BYTES); split it into smaller files`,
    file,
  );
