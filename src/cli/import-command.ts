/**
 * `sitrep import FILE...`: each file in one transaction, a progress bar on a terminal (none in CI or with --json),
 * and a summary of what was read, inserted, updated, unchanged and rejected.
 */
import { existsSync, rmSync } from 'node:fs';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { UserError } from '../core/errors.ts';
import { sourceFormats } from '../sources/registry.ts';
import { loadRegistry, openStore } from './wiring.ts';
import { write } from './output.ts';
import type { ImportCallbacks, ImportReport } from '../core/importing.ts';
import { checkFileToImport, rejectsFile, reportTable, runImport } from './run-import.ts';
import { importThroughServer, type RemoteImport } from './import-client.ts';
import { setting, settings } from './settings.ts';
import { loadImportContext } from './import-context.ts';

export function importCommand(): Command {
  return new Command('import')
    .description('import files (plain, .gz or .zip) in any known format; re-importing updates, never duplicates')
    .argument('<file...>', 'files to import')
    .option('--format <name>', `the format, when detection is not enough: ${sourceFormats.map((f) => f.name).join(', ')}`)
    .option('--encoding <name>', 'text encoding, when detection is not enough (utf-8, windows-1252, latin1)')
    .option('--sheet <name>', "the sheet to read of an .xlsx workbook (or of the workbooks in a .zip): its name, or its number from 1 (default: the first)")
    .option('--db <path>', 'store file')
    .option('--sync', "archive the dataset's records that this (full) file no longer contains")
    .option('--rejects <file>', 'write every rejected row (file, line, column, value, reason) to this CSV')
    .option('--max-reject-rate <fraction>', 'fail and change nothing when more rows than this are rejected', '0.01')
    .option('--mapping <file>', 'column mapping (JSON or YAML) for any CSV/XLSX table; implies --format mapped (examples in data/mappings/)')
    .option('--gdelt-codes <list>', 'GDELT: CAMEO codes to import, comma-separated root (18,19,20) or longer (173) codes; default: the violent ones')
    .option('--server <url>', 'send the files to a running `sitrep serve` at this address, which imports them into its store')
    .option('--token <token>', `with --server: an API token (scope write) of a reviewer or admin (default: $${settings.token.env})`)
    .option('--json', 'print the summary as JSON, no progress bar')
    .action(async (files: string[], opts) => {
      const maxRejectRate = String(opts.maxRejectRate).trim() === '' ? NaN : Number(opts.maxRejectRate);
      if (!Number.isFinite(maxRejectRate) || maxRejectRate < 0 || maxRejectRate > 1) {
        throw new UserError(`invalid --max-reject-rate "${opts.maxRejectRate}": expected a fraction from 0 to 1 (0.01 = 1%)`, '--max-reject-rate');
      }
      // Every file is checked before the first is imported: a typo in the last name must not leave the others half done.
      for (const file of files) checkFileToImport(file);
      const remote = opts.server ? remoteOf(opts) : undefined;
      const storePath: string = opts.db ?? setting('db');
      const fresh = !remote && storePath !== ':memory:' && !existsSync(storePath);
      // A mapping sets the format and encoding in `opts` (loadImportContext), before they are read here.
      const local = remote ? undefined : { context: await loadImportContext(loadRegistry(), opts), store: await openStore(opts, { create: true, limit: 'importMemoryLimit' }) };
      const request = { format: opts.format, encoding: opts.encoding, sheet: opts.sheet, sync: Boolean(opts.sync), maxRejectRate };
      const showBar = !opts.json && process.stderr.isTTY && !process.env.CI;
      const rejects = opts.rejects ? rejectsFile(opts.rejects, files) : undefined;
      const reports: ImportReport[] = [];
      // A first import that fails or is interrupted leaves no empty store behind, which read commands would take for no data.
      const removeNewStore = () => {
        if (fresh && !reports.length) for (const f of [storePath, `${storePath}.wal`]) rmSync(f, { force: true });
      };
      // Ctrl-C or SIGTERM: the file being imported is not committed (as when the process is killed) and the command
      // stops at once, saying which files are in the store. A commit under way is let finish first, so that what is
      // said is what the store holds. (Through --server, the server goes on with the file it was sent.)
      let imported = 0;
      let committing = false;
      let stopping: NodeJS.Signals | undefined;
      const bars = new Set<cliProgress.SingleBar>();
      const interrupt = async (signal: NodeJS.Signals) => {
        for (const bar of bars) bar.stop();
        const [done, left] = [files.slice(0, imported), files.slice(imported)];
        // The rejections of imported files are kept; with none imported, an earlier rejects file stays as it was.
        if (done.length) await rejects?.close();
        else rejects?.discard();
        removeNewStore();
        const said = done.length ? `imported ${done.join(', ')}${left.length ? `; not imported ${left.join(', ')}` : ''}` : 'nothing was imported';
        process.stderr.write(`sitrep: interrupted (${signal}): ${said}\n`);
        process.exit(signal === 'SIGINT' ? 130 : 143);
      };
      const onSignal = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = signal;
        if (!committing) void interrupt(signal);
      };
      if (local) process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
      try {
        for (const file of files) {
          const bar = showBar ? newBar(`${file} [{bar}] {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted}`) : undefined;
          // Writing a large file into the store takes a while after its last row is read: a bar of its own.
          let writing: cliProgress.SingleBar | undefined;
          if (bar) bars.add(bar);
          const started = performance.now();
          bar?.start(100, 0, { rows: 0, speed: 0 });
          const onProgress: ImportCallbacks['onProgress'] = (rows, fraction, stage) => {
            if (!bar) return;
            if (stage === 'reading') {
              bar.update(fraction === undefined ? 0 : Math.round(fraction * 100), { rows, speed: Math.round(rows / ((performance.now() - started) / 1000)) });
              return;
            }
            if (!writing) {
              bar.update(100, { rows, speed: Math.round(rows / ((performance.now() - started) / 1000)) });
              bar.stop();
              writing = newBar(`${file}: ${rows.toLocaleString('en')} rows read; writing them to the store [{bar}] {percentage}% | ETA {eta_formatted}`);
              bars.add(writing);
              writing.start(100, 0);
            }
            writing.update(Math.round((fraction ?? 0) * 100));
          };
          try {
            reports.push(
              ...(remote
                ? await importThroughServer(file, { ...remote, ...request, mapping: opts.mapping, gdeltCodes: opts.gdeltCodes }, { onProgress, ...(rejects ? { onReject: rejects.write } : {}) })
                : await runImport(local!.store, file, local!.context, { ...request, ...(rejects ? { rejects } : {}), onProgress, onCommit: () => (committing = true) })),
            );
            imported++;
            rejects?.read();
          } catch (e) {
            // Each file is its own transaction: those before this one are in the store, and the user must know which.
            if (!reports.length || !(e instanceof UserError)) throw e;
            await write(process.stdout, reportTable(reports));
            const done = [...new Set(reports.map((r) => r.file))].join(', ');
            throw new UserError(`${e.message} (${done} ${reports.length === 1 ? 'was' : 'were'} imported before it, as listed above)`, e.param);
          } finally {
            bar?.stop();
            writing?.stop();
            bars.clear();
            committing = false;
          }
          if (stopping) await interrupt(stopping);
        }
      } finally {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
        await local?.store.close();
        await rejects?.close();
        removeNewStore();
      }
      if (opts.json) {
        await write(process.stdout, JSON.stringify(reports, null, 2) + '\n');
        return;
      }
      await write(process.stdout, reportTable(reports));
      for (const r of reports) {
        for (const rej of r.rejections.slice(0, 5)) await write(process.stdout, `rejected: ${rej.file} line ${rej.line}${rej.column ? `, ${rej.column}` : ''}${rej.value ? ` = ${rej.value}` : ''}: ${rej.reason}\n`);
        if (r.rejected > 5) await write(process.stdout, `… ${r.rejected - 5} more rejected rows${opts.rejects ? ` in ${opts.rejects}` : ' (write them all with --rejects FILE)'}\n`);
        if (r.unresolvedActors) await write(process.stdout, `${r.unresolvedActors} actor names matched no registry actor: see \`sitrep actors unresolved\`\n`);
      }
    });
}

/**
 * A progress bar on stderr whose ETA reads "…" until it can be told: cli-progress prints "0s" before the first
 * step, "INF" while the bar stands at 0 % and "NULL" when it has no rate.
 */
function newBar(template: string): cliProgress.SingleBar {
  const estimating = template.replace('{eta_formatted}', '…');
  return new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: (options, params, payload) => {
        const known = params.value > 0 && typeof params.eta === 'number' && Number.isFinite(params.eta);
        return cliProgress.Format.Formatter({ ...options, format: known ? template : estimating }, params, payload);
      },
    },
    cliProgress.Presets.shades_classic,
  );
}

/** The server and token of `--server`, checked before any file is sent. */
function remoteOf(opts: { server: string; token?: string; db?: string }): Omit<RemoteImport, 'maxRejectRate'> {
  if (opts.db) throw new UserError('--db and --server both name where to import', '--server', 'a server imports into its own store: leave out --db');
  const token = opts.token ?? setting('token');
  if (!token) {
    throw new UserError('--server needs an API token', '--token', `create one with \`sitrep users token NAME --scope write\` on the server's machine and pass it as --token or $${settings.token.env}`);
  }
  return { server: opts.server, token };
}
