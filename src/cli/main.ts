/**
 * `sitrep`: the command line, and the composition root that wires the store, the importers, the registry and
 * the server together. User errors print one line (what, where, how to fix) and exit with code 2.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { resolveActorFilter } from '../core/actor-registry.ts';
import { defaultStatMeasures, statDimensions, statMeasures, type StatDimension, type StatMeasure } from '../core/event-store.ts';
import { UserError } from '../core/errors.ts';
import { countryExpected, FilterError, filterParams, fullScope, parseFilter, type AccessScope, type EventFilter, type FilterParam } from '../core/filter.ts';
import { countryByIso3 } from '../core/countries.ts';
import type { ActorRegistry } from '../core/actor-registry.ts';
import type { EventStore } from '../core/event-store.ts';
import { provinceIn, provinceKey, splitProvince } from '../core/places.ts';
import { nearest, orList } from '../core/spelling.ts';
import { streamWithVisibleLinks, withVisibleLinks } from '../server/visible-links.ts';
import { csvLine } from '../core/record-encoding.ts';
import { formatTable, recordFormats, recordSummary, write, writeRecords, type RecordFormat } from './output.ts';
import { oneOf, wholeNumber } from './flags.ts';
import { projectRoot, setting, settings } from './settings.ts';
import { loadRegistry, withStore } from './wiring.ts';
import { importCommand } from './import-command.ts';
import { serveCommand } from './serve-command.ts';
import { demoCommand } from './demo.ts';
import { usersCommand } from './users-command.ts';

const filterHelp: Record<FilterParam, string> = {
  kind: 'record kind (attack, clash, plot, arrest, …); repeat or comma-separate',
  actor: 'actor id or any alias; its branches are included',
  descendants: 'false to leave out an actor’s branches',
  country: 'ISO 3166-1 alpha-3 country code',
  admin1: 'first-level administrative division, as named in the data (any spelling); ISO3:NAME for one country’s, e.g. LKA:Northern',
  from: 'first day, YYYY-MM-DD (records overlapping the range count)',
  to: 'last day, YYYY-MM-DD',
  bbox: 'minLon,minLat,maxLon,maxLat',
  q: 'keywords in description, place, actor names and sources; -word leaves out',
  target: 'target category',
  tactic: 'tactic',
  attribution: 'claimed, attributed, suspected or unknown',
  dataset: 'dataset name (ucdp, acled, curated, …)',
  status: 'draft, review, published or archived',
  visibility: 'public or internal',
  min_killed: 'at least this many killed (best estimate)',
  id: 'record id',
  not_kind: 'leave out this kind',
  not_actor: 'leave out this actor (id or alias) and its branches',
  not_country: 'leave out this country (ISO3); records with no country stay',
  not_admin1: 'leave out this province (ISO3:NAME for one country’s)',
  not_target: 'leave out this target category',
  not_tactic: 'leave out this tactic',
  not_attribution: 'leave out records with an actor tied this way',
  not_dataset: 'leave out this dataset',
};

function addFilterOptions(cmd: Command): Command {
  for (const name of filterParams) {
    cmd.addOption(new Option(`--${name} <value>`, filterHelp[name]).argParser((v: string, prev: string[] = []) => [...prev, v]));
  }
  return cmd.addOption(new Option('--db <path>', `store file (default: $${settings.db.env} or ${settings.db.default})`));
}

/** Filter flags as `[name, value]` pairs, validated by the same parser as the API; errors name the flag (`--from`). */
function filterFrom(opts: Record<string, unknown>): EventFilter {
  const pairs: [string, string][] = [];
  for (const name of filterParams) for (const v of (opts[name] as string[] | undefined) ?? []) pairs.push([name, v]);
  try {
    return parseFilter(pairs);
  } catch (e) {
    throw e instanceof FilterError ? new FilterError(`--${e.param}`, e.value, e.expected) : e;
  }
}

export function buildProgram(): Command {
  const program = new Command('sitrep')
    .description('Track, map and analyse the activity of militant groups: import datasets, query, serve the map.')
    .version(JSON.parse(readFileSync(`${projectRoot}package.json`, 'utf8')).version)
    .showHelpAfterError(false);

  program.addCommand(importCommand());
  program.addCommand(serveCommand());
  program.addCommand(demoCommand());
  program.addCommand(usersCommand());

  addFilterOptions(
    program
      .command('query')
      .description('list the records that match the filters (newest first)')
      .option('--limit <n>', 'at most this many records (1–1000)', '20')
      .option('--sort <order>', 'date, -date, killed or -killed', '-date')
      .option('--format <format>', 'table, csv, json, ndjson or geojson', 'table'),
  ).action(async (opts) => {
    const registry = loadRegistry();
    const typed = filterFrom(opts);
    const filter = resolveActorFilter(typed, registry);
    const format = oneOf('--format', opts.format, ['table', ...recordFormats] as const);
    const limit = wholeNumber('--limit', opts.limit, 1000);
    const sort = oneOf('--sort', opts.sort, ['date', '-date', 'killed', '-killed'] as const);
    await withStore(opts, async (store) => {
      const page = await store.query(fullScope, filter, { limit, sort });
      const total = await store.count(fullScope, filter);
      if (!total) warnUnknownActors(typed.actor, registry);
      await warnUnmatchedValues(store, typed);
      if (format === 'table') {
        await write(process.stdout, formatTable(page.records.map(recordSummary)));
        await write(process.stdout, `${page.records.length} of ${total.toLocaleString('en')} records\n`);
        return;
      }
      await writeRecords(process.stdout, await withVisibleLinks(store, readerScope(filter), page.records), format);
      // A file saved from `query` must not pass for the whole selection.
      if (total > page.records.length) process.stderr.write(`sitrep: wrote ${page.records.length} of ${total} records (--limit ${limit}); \`sitrep export\` writes them all\n`);
    });
  });

  addFilterOptions(
    program
      .command('export')
      .description('stream every matching record (no row cap) as NDJSON, JSON, CSV or GeoJSON')
      .option('--format <format>', 'ndjson, json, csv or geojson', 'ndjson'),
  ).action(async (opts) => {
    const registry = loadRegistry();
    const typed = filterFrom(opts);
    const filter = resolveActorFilter(typed, registry);
    const format = oneOf('--format', opts.format, recordFormats) as RecordFormat;
    await withStore(opts, async (store) => {
      if (typed.actor && !(await store.count(fullScope, filter))) warnUnknownActors(typed.actor, registry);
      await warnUnmatchedValues(store, typed);
      await writeRecords(process.stdout, streamWithVisibleLinks(store, readerScope(filter), store.stream(fullScope, filter)), format);
    });
  });

  addFilterOptions(
    program
      .command('stats')
      .description('grouped counts and casualty sums, e.g. --by year --by kind')
      .option('--by <dimension>', `group by ${statDimensions.join(', ')}; repeatable`, (v: string, p: string[] = []) => [...p, v])
      .option('--measure <measures>', `comma-separated or repeated: ${statMeasures.join(', ')} (default ${defaultStatMeasures.join(',')}); killed and wounded sum best estimates, *_known count the records with a figure`, (v: string, p: string[] = []) => [...p, v])
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(async (opts) => {
    const registry = loadRegistry();
    const typed = filterFrom(opts);
    const filter = resolveActorFilter(typed, registry);
    const by = ((opts.by as string[] | undefined) ?? []).map((d) => oneOf('--by', d, statDimensions)) as StatDimension[];
    const measures = [...new Set(((opts.measure as string[] | undefined) ?? [defaultStatMeasures.join(',')]).flatMap((v) => v.split(',')).map((m) => oneOf('--measure', m.trim(), statMeasures)))] as StatMeasure[];
    const format = oneOf('--format', opts.format, ['table', 'csv', 'json'] as const);
    await withStore(opts, async (store) => {
      const rows = await store.stats(fullScope, filter, by, measures);
      if (!rows.length || (!by.length && !rows[0]!.count)) warnUnknownActors(typed.actor, registry);
      await warnUnmatchedValues(store, typed);
      const header = rows[0] ? Object.keys(rows[0]) : [...new Set([...by, ...measures])];
      if (format === 'json') await write(process.stdout, JSON.stringify(rows, null, 2) + '\n');
      else if (format === 'csv') await write(process.stdout, [header, ...rows.map((r) => Object.values(r).map((v) => String(v ?? '')))].map(csvLine).join(''));
      else await write(process.stdout, formatTable(rows));
    });
  });

  const actors = program.command('actors').description('the actor registry: search names, show an actor, list names no actor matches');
  actors
    .command('search <name>')
    .description('actors whose name or any alias matches')
    .action(async (name: string) => {
      const hits = loadRegistry().search(name, 10);
      if (!hits.length) throw new UserError(`no actor matches "${name}"`, 'NAME', 'try another spelling, or add an alias to the registry file');
      await write(process.stdout, formatTable(hits.map((h) => ({ id: h.actor.id, name: h.actor.name, parent: h.actor.parent ?? '', matched: h.alias }))));
    });
  actors
    .command('show <id>')
    .description('one actor with its aliases, parent and branches')
    .action(async (id: string) => {
      const registry = loadRegistry();
      const actor = registry.find(id);
      if (!actor) throw new UserError(`no actor "${id}"`, 'ID', 'find its id with `sitrep actors search NAME`');
      await write(process.stdout, JSON.stringify({ ...actor, branches: registry.descendants(actor.id).filter((d) => d !== actor.id) }, null, 2) + '\n');
    });
  addFilterOptions(
    actors
      .command('unresolved')
      .description('actor names in the store that no registry actor matches, with record counts (among the records the filters select)'),
  ).action(async (opts) => {
    const registry = loadRegistry();
    const typed = filterFrom(opts);
    const filter = resolveActorFilter(typed, registry);
    await withStore(opts, async (store) => {
      const rows = await store.unresolvedActors(fullScope, filter);
      if (!rows.length && !(await store.count(fullScope, filter))) warnUnknownActors(typed.actor, registry);
      await warnUnmatchedValues(store, typed);
      await write(process.stdout, formatTable(rows));
    });
  });

  program
    .command('datasets')
    .description('what has been imported: record counts, versions, licence and attribution')
    .option('--db <path>', 'store file')
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts) => {
      const format = oneOf('--format', opts.format, ['table', 'json'] as const);
      await withStore(opts, async (store) => {
        const rows = await store.datasets(fullScope);
        if (format === 'json') await write(process.stdout, JSON.stringify(rows, null, 2) + '\n');
        else await write(process.stdout, formatTable(rows.map((d) => ({ ...d, versions: d.versions.join(', ') })), undefined, 100));
      });
    });

  program
    .command('imports')
    .description('the import log, newest first: when each file was imported, by whom, and what it did to the store')
    .option('--db <path>', 'store file')
    .option('--dataset <dataset>', 'only imports of this dataset')
    .option('--limit <n>', 'at most this many imports (1–10000)', '20')
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts) => {
      const format = oneOf('--format', opts.format, ['table', 'json'] as const);
      const limit = wholeNumber('--limit', opts.limit, 10_000);
      await withStore(opts, async (store) => {
        const rows = await store.imports({ dataset: opts.dataset, limit });
        if (format === 'json') await write(process.stdout, JSON.stringify(rows, null, 2) + '\n');
        else await write(process.stdout, formatTable(rows.map((r) => ({ ...r, datasets: r.datasets.join(', '), seconds: r.seconds.toFixed(1) }))));
      });
    });

  program
    .command('history <id>')
    .description('every revision of a record: who, when, what changed')
    .option('--db <path>', 'store file')
    .action(async (id: string, opts) => {
      await withStore(opts, async (store) => {
        const revisions = await store.history(fullScope, id);
        if (!revisions.length) throw new UserError(`no record "${id}"`, 'ID');
        await write(process.stdout, JSON.stringify(revisions, null, 2) + '\n');
      });
    });

  program
    .command('settings')
    .description('every setting with its environment variable, its value here and its default')
    .action(async () => {
      // The value set in this environment, but never a secret's (the token is shown as set or not).
      const shown = (s: (typeof settings)[keyof typeof settings]) => (!process.env[s.env] ? '' : s === settings.token ? '(set)' : process.env[s.env]);
      await write(process.stdout, formatTable(Object.values(settings).map((s) => ({ variable: s.env, value: shown(s), default: s.default, help: s.help })), undefined, 90));
    });

  return program;
}

/** Runs the CLI; exits 2 on a user error with one line on stderr. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  // Commander's own error lines are replaced by ours (one line, exit 2); help it shows goes out as it is
  // (a command group run without a subcommand shows its help).
  for (const cmd of [program, ...program.commands.flatMap((c) => [c, ...c.commands])]) {
    cmd.exitOverride();
    cmd.configureOutput({ outputError: () => undefined });
  }
  // A reader that stops early (`sitrep export | head`) closes the pipe: stop quietly, as Unix tools do, instead of
  // dying on the stream's unhandled error event. Any other failure to write (a full disk) is one line.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    fail(`cannot write the output: ${e.message}`, 'check where standard output goes (a full disk?)');
  });
  // Imports run under their own memory limit; an out-of-memory message names the setting that was in force.
  let limit: 'memoryLimit' | 'importMemoryLimit' = 'memoryLimit';
  program.hook('preSubcommand', (_, sub) => {
    if (sub.name() === 'import') limit = 'importMemoryLimit';
  });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return;
      if (e.code === 'commander.help') process.exit(2);
      // Commander puts its suggestion ("(Did you mean --from?)") on a second line: errors are one line.
      fail(e.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' '), `see \`${commandPath(program, argv)} --help\``);
    } else if (e instanceof UserError) fail(e.message);
    else if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
    else if (e instanceof Error && /^Out of Memory Error/.test(e.message)) {
      // DuckDB's own message is a page of SQL settings; the user's knob is the memory limit setting.
      const { env } = settings[limit];
      const remedy = env === settings.importMemoryLimit.env ? `raise ${env}, e.g. 4GB, or import a large file in parts` : `raise ${env}, e.g. 1GB, or narrow the filter`;
      process.stderr.write(`sitrep: DuckDB ran out of memory within its limit (${env}=${setting(limit)}); nothing was written (${remedy})\n`);
      process.exit(1);
    } else {
      console.error(e);
      process.exit(1);
    }
  }
}

/** `sitrep import`, `sitrep users add`…: the command the arguments name, whose help lists its flags. */
function commandPath(program: Command, argv: string[]): string {
  const path = ['sitrep'];
  let cmd = program;
  for (const arg of argv.slice(2)) {
    const sub = cmd.commands.find((c) => c.name() === arg);
    if (!sub) break;
    path.push(arg);
    cmd = sub;
  }
  return path.join(' ');
}

function fail(message: string, hint?: string): never {
  process.stderr.write(`sitrep: ${message}${hint ? ` (${hint})` : ''}\n`);
  process.exit(2);
}

/**
 * The reader the filters describe: the command line reads everything, but `--status published --visibility public`
 * is what anonymous readers see, and a file made so for them must not name the drafts its records link to.
 */
function readerScope(filter: EventFilter): AccessScope {
  return { statuses: filter.status ?? fullScope.statuses, visibilities: filter.visibility ?? fullScope.visibilities };
}

/**
 * Nothing found for a name that is no registry actor is usually a misspelt group: say so on stderr, naming the
 * actors `sitrep actors search` finds for it (`khurasan`: iskp). What the filter matches stays as it is.
 */
function warnUnknownActors(names: readonly string[] | undefined, registry: ActorRegistry): void {
  const unknown = (names ?? []).filter((name) => !registry.find(name));
  const unfound = unknown.filter((name) => !registry.search(name, 1).length);
  const what = (names: string[]) => `no registry actor is called ${names.map((n) => `"${n}"`).join(' or ')}, and no record these filters select names it as written`;
  for (const name of unknown.filter((n) => !unfound.includes(n))) {
    // The best matches only: "Boko" finds Boko Haram and ISWAP ("Boko Haram (ISWAP)") alike, "Islamic State" its provinces less well.
    const hits = registry.search(name, 3);
    const guess = orList(hits.filter((h) => h.score === hits[0]!.score).map((h) => `${h.actor.id} (${h.actor.name})`));
    process.stderr.write(`sitrep: ${what([name])}; did you mean ${guess}? (\`sitrep actors search ${/^[\w-]+$/.test(name) ? name : JSON.stringify(name)}\` lists more)\n`);
  }
  if (unfound.length) process.stderr.write(`sitrep: ${what(unfound)} (find the spelling with \`sitrep actors search NAME\`)\n`);
}

/**
 * A country code of no country, a dataset or a province that no record in the store has is no error (a dataset may
 * not be imported yet; an earlier version may have stored a historical code) but is usually a typo that would answer
 * nothing, or leave nothing out, without a word: say so on stderr, with the codes meant, the store's datasets or the
 * nearest provinces' names. The command line reads every record, so it may name them all.
 */
async function warnUnmatchedValues(store: EventStore, filter: EventFilter): Promise<void> {
  for (const param of ['country', 'not_country'] as const) {
    for (const code of filter[param] ?? []) {
      if (countryByIso3(code) || (await store.count(fullScope, { country: [code] }))) continue;
      process.stderr.write(`sitrep: --${param} ${JSON.stringify(code)} matches no record in the store: it is not ${countryExpected(code)}\n`);
    }
  }
  const datasets = (['dataset', 'not_dataset'] as const).flatMap((p) => (filter[p] ?? []).map((v) => [p, v] as const));
  if (datasets.length) {
    const have = (await store.datasets(fullScope)).map((d) => d.dataset);
    for (const [param, value] of datasets.filter(([, v]) => !have.includes(v))) {
      process.stderr.write(`sitrep: --${param} ${JSON.stringify(value)} matches no record in the store (${have.length ? `its datasets: ${have.join(', ')}` : 'it has no records'})\n`);
    }
  }
  let provinces: { country: string | null; admin1: string }[] | undefined;
  for (const param of ['admin1', 'not_admin1'] as const) {
    for (const value of filter[param] ?? []) {
      if (await store.count(fullScope, { admin1: [value] })) continue;
      provinces ??= (await store.stats(fullScope, {}, ['admin1'], ['count']))
        .filter((r) => r.admin1 != null)
        .map((r) => ({ country: r.country == null ? null : String(r.country), admin1: String(r.admin1) }));
      const asked = splitProvince(value);
      const key = provinceKey(asked.name);
      const within = asked.anyCountry ? provinces : provinces.filter((p) => p.country === asked.country);
      // Within a country its provinces are few: the nearest are worth listing however far. Across the world, only near spellings.
      const near = nearest(key, within, (p) => provinceKey(p.admin1), 3, asked.anyCountry ? Math.max(1, Math.floor(key.length / 4)) : Infinity);
      const where = asked.anyCountry ? '' : ` in ${asked.country ?? 'records with no country'}`;
      const hint = near.length
        ? `nearest${where}: ${near.map((p) => JSON.stringify(provinceIn(p.country, p.admin1))).join(', ')}`
        : `${asked.anyCountry ? 'none is near; ' : `it has none${where}; `}\`sitrep stats --by admin1\` lists them`;
      process.stderr.write(`sitrep: --${param} ${JSON.stringify(value)} matches no province in the store (${hint})\n`);
    }
  }
}
