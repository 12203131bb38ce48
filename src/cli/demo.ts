/**
 * The demo dataset (`data/demo/`): UCDP GED for Pakistan, UCDP's worldwide GED sample and the curated ISKP list,
 * imported through the same `runImport` as any user file. `sitrep demo` loads it; `sitrep serve --demo` calls
 * `loadDemo` when the store is empty.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import type { EventStore } from '../core/event-store.ts';
import { fullScope } from '../core/filter.ts';
import { UserError } from '../core/errors.ts';
import type { ImportContext } from '../sources/source-format.ts';
import { loadImportContext, mappingOptions, readMapping } from './import-context.ts';
import { write } from './output.ts';
import type { ImportReport } from '../core/importing.ts';
import { reportTable, runImport } from './run-import.ts';
import { projectRoot } from './settings.ts';
import { loadRegistry, withStore } from './wiring.ts';

/** Where the demo files and their manifest live. */
export const demoDir = join(projectRoot, 'data', 'demo');

const expectedSchema = z.strictObject({ read: z.number().int(), rejected: z.number().int(), inserted: z.number().int(), updated: z.number().int() });

export const demoManifestSchema = z.object({
  about: z.string().optional(),
  files: z
    .array(
      z.object({
        /** Relative to the manifest. */
        file: z.string().min(1),
        format: z.string().min(1),
        /** Mapping file, relative to the manifest; for `format: mapped`. */
        mapping: z.string().min(1).optional(),
        /** Only when a file truly needs it; each file is otherwise held to the default 1%. */
        maxRejectRate: z.number().min(0).max(1).optional(),
        dataset: z.string().optional(),
        licence: z.string().optional(),
        description: z.string().optional(),
        /** What an import into an empty store, in manifest order, reports for this file. */
        expected: expectedSchema,
      }),
    )
    .min(1),
  /** Records in the store after the whole demo is loaded into an empty one. */
  expectedRecords: z.number().int(),
});
export type DemoManifest = z.output<typeof demoManifestSchema>;

/** Reads and validates `manifest.json` in `dir`. */
export function readDemoManifest(dir: string = demoDir): DemoManifest {
  const path = join(dir, 'manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserError(`cannot read the demo manifest ${path} (${(e as Error).message})`, 'data/demo', 'restore data/demo from the repository');
  }
  const parsed = demoManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`invalid demo manifest ${path}: ${issue.path.join('.')}: ${issue.message}`, 'data/demo');
  }
  return parsed.data;
}

export interface LoadDemoOptions {
  /** Another demo directory (tests). */
  dir?: string;
  /** Called before each file is imported. */
  onFile?: (file: string) => void;
  /** Called for a file left out, with why. */
  onSkip?: (file: string, why: string) => void;
}

/**
 * Earlier versions imported the ISKP list into `curated`, the editor's own dataset, as `curated:isk-0001`…; the
 * list is now `iskp-list`. A store that holds the earlier records keeps them (editors may have worked on them), and
 * the list is not imported beside them a second time.
 */
const earlierIskpList = 'curated:isk-0001';

/**
 * Imports every file of the demo manifest into `store`, in order, each in its own transaction. Files with a
 * mapping get it in their context's options. Meant for an empty store: run again, it leaves unchanged records
 * alone, except the 32 events both UCDP files hold, which each file rewrites with its own release.
 */
export async function loadDemo(store: EventStore, context: ImportContext, options: LoadDemoOptions = {}): Promise<ImportReport[]> {
  const dir = options.dir ?? demoDir;
  const manifest = readDemoManifest(dir);
  const reports: ImportReport[] = [];
  for (const entry of manifest.files) {
    if (entry.dataset === 'iskp-list' && (await store.count(fullScope, { id: [earlierIskpList] })) > 0) {
      options.onSkip?.(entry.file, `this store holds the list from an earlier version (${earlierIskpList}…), left as it is`);
      continue;
    }
    options.onFile?.(entry.file);
    const mappingPath = entry.mapping ? join(dir, entry.mapping) : undefined;
    const mapping = mappingPath ? readMapping(mappingPath) : undefined;
    const fileContext: ImportContext = mapping ? { ...context, options: { ...context.options, ...mappingOptions(mapping, mappingPath!) } } : context;
    reports.push(
      ...(await runImport(store, join(dir, entry.file), fileContext, {
        format: entry.format,
        encoding: mapping?.encoding,
        ...(entry.maxRejectRate !== undefined ? { maxRejectRate: entry.maxRejectRate } : {}),
      })),
    );
  }
  return reports;
}

/** `sitrep demo [--db PATH] [--json]`. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('load the demo dataset (UCDP GED Pakistan, a UCDP GED sample, the curated ISKP list) into the store')
    .option('--db <path>', 'store file')
    .option('--json', 'print the summary as JSON')
    .action(async (opts) => {
      const context = await loadImportContext(loadRegistry(), {});
      const reports = await withStore(opts, (store) =>
        loadDemo(store, context, { onFile: (f) => opts.json || process.stderr.write(`importing ${f}…\n`), onSkip: (f, why) => process.stderr.write(`${f}: ${why}\n`) }),
        { create: true },
      );
      if (opts.json) {
        await write(process.stdout, JSON.stringify(reports, null, 2) + '\n');
        return;
      }
      await write(process.stdout, reportTable(reports));
    });
}
