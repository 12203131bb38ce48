/**
 * The life of an import (docs/import.md): open the file, pick its format, stream rows through the importer,
 * validate every record, explain every rejection, and write everything in one transaction — or nothing, when
 * the file cannot be read or too many rows are rejected.
 */
import { createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { EventStore } from '../core/event-store.ts';
import { UserError } from '../core/errors.ts';
import type { EventRecord } from '../core/record.ts';
import type { ImportCallbacks, ImportReport, ImportRequest, Importer, Rejection } from '../core/importing.ts';
import type { ActorRegistry } from '../core/actor-registry.ts';
import type { ImportContext, SourceFormat, TextInput } from '../sources/source-format.ts';
import { SourceError, tooMuchText } from '../sources/source-format.ts';
import { pickFormat, sourceFormats } from '../sources/registry.ts';
import { openTextInputs } from '../sources/text-input.ts';
import { checkedItems } from '../sources/checked-items.ts';
import type { Mapping } from '../sources/mapped/mapping-schema.ts';
import { loadImportContext, offlinePlaces } from './import-context.ts';
import { formatTable } from './output.ts';

/** The request's choices (its mapping and GDELT codes are already in the import's context), and where rejections go. */
export interface ImportOptions extends Omit<ImportRequest, 'mapping' | 'gdeltCodes'>, ImportCallbacks {
  /** Where every rejection is written (`--rejects FILE`, opened once for all the files of a command). */
  rejects?: RejectsFile;
  /** Told when a file's transaction, written whole, is about to commit (`sitrep import` holds Ctrl-C until it ends). */
  onCommit?: () => void;
}

const keptRejections = 20;

export interface RejectsFile {
  write(rejection: Rejection): void;
  /** A file was imported (with or without rejections): the rejects file is then put in place. */
  read(): void;
  close(): Promise<void>;
  /** Removes what was written, leaving an earlier file of that name as it was (an import interrupted before any commit). */
  discard(): void;
}

/**
 * `--rejects FILE`: every rejected row as a CSV line (file, line, column, value, reason). Written beside the
 * target and put in its place on `close`, once rows have been read: an import that fails before (a bad header)
 * leaves an earlier file of that name as it was. It may not name one of the files being imported.
 */
export function rejectsFile(path: string, inputs: readonly string[] = []): RejectsFile {
  if (inputs.some((f) => resolve(f) === resolve(path))) {
    throw new UserError(`--rejects ${path} is one of the files to import`, '--rejects', 'name another file for the rejected rows');
  }
  if (!statSync(dirname(resolve(path)), { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`cannot write --rejects ${path}: its folder does not exist`, '--rejects', 'create the folder or name another path');
  }
  const partial = `${path}.${process.pid}.partial`;
  const out = createWriteStream(partial);
  out.write(stringify([['file', 'line', 'column', 'value', 'reason']]));
  // Whether the new file replaces the old one: once a rejection was written or a file imported.
  let keep = false;
  return {
    write: (r) => {
      keep = true;
      out.write(stringify([[r.file, r.line, r.column ?? '', r.value ?? '', r.reason]]));
    },
    read: () => {
      keep = true;
    },
    close: async () => {
      await new Promise((done, failed) => out.end(done).once('error', failed));
      if (keep) renameSync(partial, path);
      else rmSync(partial, { force: true });
    },
    discard: () => {
      out.destroy();
      rmSync(partial, { force: true });
    },
  };
}

/** Throws a `UserError` unless `path` is a file (a folder or a missing file is the user's to fix). */
export function checkFileToImport(path: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new UserError(`cannot open ${path}: no such file`, 'FILE', 'check the path');
  }
  if (isFolder) throw new UserError(`${path} is a folder, not a file`, 'FILE', `name the files in it, e.g. ${path.replace(/\/$/, '')}/*.csv`);
}

/** Imports one file (every member of a zip) into `store`. Throws a `UserError` and changes nothing on failure. */
export async function runImport(store: EventStore, path: string, context: ImportContext, options: ImportOptions = {}): Promise<ImportReport[]> {
  checkFileToImport(path);
  try {
    return await importFile(store, path, context, options);
  } catch (e) {
    // A file that cannot be read (opening it, or any row later) is the user's to fix; it already names file and line.
    if (e instanceof SourceError) throw new UserError(e.message, 'FILE', 'nothing was imported');
    throw e;
  }
}

async function importFile(store: EventStore, path: string, context: ImportContext, options: ImportOptions): Promise<ImportReport[]> {
  const mappingSheet = (context.options.mapping as Mapping | undefined)?.sheet;
  const inputs = await openTextInputs(path, { ...options, mappingSheet });
  try {
    const unpacked = { length: 0 };
    const reports: ImportReport[] = [];
    for (const input of inputs) reports.push(await importInput(store, input, context, options, unpacked));
    return reports;
  } finally {
    for (const input of inputs) input.close?.();
  }
}

async function importInput(
  store: EventStore, input: TextInput, context: ImportContext, options: ImportOptions,
  /** The text read from the file so far, across the members of a zip (`maxTextLength` bounds it). */
  unpacked: { length: number },
): Promise<ImportReport> {
  const started = performance.now();
  if (!input.head.trim()) throw new UserError(`${input.fileName} is empty`, 'FILE', 'export the data again; nothing was imported');
  const format = pickFormat(input, options.format);
  if (!format) {
    const known = sourceFormats.map((f) => f.name).join(', ');
    throw new UserError(
      options.format ? `unknown format "${options.format}"` : `cannot tell the format of ${input.fileName} from its first line`,
      '--format',
      `pass --format with one of: ${known}; for any other table, describe its columns in a mapping file and pass --mapping FILE (examples in data/mappings/)`,
    );
  }
  const maxRejectRate = options.maxRejectRate ?? 0.01;
  const report: ImportReport = {
    file: input.fileName, format: format.name, read: 0, skipped: 0, rejected: 0, unresolvedActors: 0, rejections: [], datasets: [],
    inserted: 0, updated: 0, unchanged: 0, archived: 0, seconds: 0,
  };
  const unresolved = new Set<string>();
  const datasets = new Set<string>();
  const reject = (r: Rejection) => {
    report.rejected++;
    if (report.rejections.length < keptRejections) report.rejections.push(r);
    options.rejects?.write(r);
    options.onReject?.(r);
  };
  const count = (length: number) => {
    unpacked.length += length;
    if (options.maxTextLength !== undefined && unpacked.length > options.maxTextLength) throw tooMuchText(input.fileName, options.maxTextLength);
  };
  const { rows } = input;
  const counted: TextInput = {
    ...input,
    async *chunks() {
      for await (const chunk of input.chunks()) {
        count(chunk.length);
        yield chunk;
      }
    },
    ...(rows && {
      async *rows() {
        for await (const row of rows()) {
          count(row.cells.reduce((sum, cell) => sum + cell.length + 1, 0));
          yield row;
        }
      },
    }),
  };

  async function* records(): AsyncIterable<EventRecord> {
    const skipped = () => {
      report.read++;
      report.skipped++;
    };
    for await (const item of checkedItems(format!, counted, { ...context, skipped })) {
      report.read++;
      if (report.read % 5000 === 0) {
        const fraction = input.fraction?.();
        options.onProgress?.(report.read, fraction === undefined ? undefined : Math.min(fraction, 1), 'reading');
      }
      if (!item.ok) {
        reject(item.rejection);
        continue;
      }
      for (const a of item.record.actors) if (!a.actorId) unresolved.add(a.name);
      datasets.add(item.record.provenance.dataset);
      yield item.record;
    }
    options.onProgress?.(report.read, 0, 'writing');
  }

  const summary = await store.write(records(), {
    by: options.by ?? `import:${format.name}`,
    comment: `import of ${input.fileName}`,
    ...(options.sync ? { syncDataset: syncDataset(format, context) } : {}),
    beforeCommit() {
      if (report.read === 0) throw new UserError(`${input.fileName} holds no rows`, 'FILE', 'nothing was imported');
      const rate = report.rejected / (report.read - report.skipped || 1);
      if (report.rejected && rate > maxRejectRate) {
        const first = report.rejections[0]!;
        throw new UserError(
          `${report.rejected} of ${report.read - report.skipped} rows rejected (${(rate * 100).toFixed(1)}%), more than --max-reject-rate ${maxRejectRate * 100}%; ` +
            `first: ${first.file} line ${first.line}${first.column ? `, ${first.column}${first.value ? ` = ${first.value}` : ''}` : ''}: ${first.reason}`,
          '--max-reject-rate',
          'nothing was imported; fix the rows (see --rejects FILE) or raise the rate',
        );
      }
    },
    // The log keeps the report as it stands at the commit, which follows at once.
    importedFile: () => {
      options.onCommit?.();
      return completed();
    },
    ...(options.onProgress && { onWriting: (fraction: number) => options.onProgress!(report.read, fraction, 'writing') }),
  });
  return Object.assign(completed(), summary);

  /** The report with what reading found: the unresolved names, the datasets and the time so far. */
  function completed(): ImportReport {
    report.unresolvedActors = unresolved.size;
    report.datasets = [...datasets].sort();
    report.seconds = (performance.now() - started) / 1000;
    return report;
  }
}

/** The dataset a `--sync` import is the full state of: the format's own, or the one its options name (a mapping's). */
function syncDataset(format: SourceFormat, context: ImportContext): string {
  const dataset = format.dataset ?? (typeof context.options.dataset === 'string' ? context.options.dataset : undefined);
  if (!dataset) throw new UserError(`--sync needs a format with one dataset; ${format.name} records name their own`, '--sync', 'import without --sync');
  return dataset;
}

/**
 * An `Importer` over the shipped registry, gazetteer and boundaries, each request with its own mapping and
 * options: what `sitrep serve` hands the server for `POST /api/imports`.
 */
export function importerFor(registry: ActorRegistry): Importer {
  // One gazetteer and one set of boundaries for every request, loaded by the first import that needs them.
  const places = offlinePlaces();
  return {
    formats: sourceFormats.map(({ name, description }) => ({ name, description })),
    async run(store, path, request, callbacks = {}) {
      const opts = { mapping: request.mapping, format: request.format, encoding: request.encoding, gdeltCodes: request.gdeltCodes };
      const context = await loadImportContext(registry, opts, places);
      const { sheet, sync, maxRejectRate, by, maxTextLength } = request;
      return runImport(store, path, context, { format: opts.format, encoding: opts.encoding, sheet, sync, maxRejectRate, by, maxTextLength, ...callbacks });
    },
  };
}

/** The reports as the summary table (their rejections are listed apart; their datasets are in --json). */
export function reportTable(reports: ImportReport[]): string {
  return formatTable(reports.map(({ rejections: _r, datasets: _d, ...r }) => ({ ...r, seconds: r.seconds.toFixed(1) })), undefined, 50);
}
