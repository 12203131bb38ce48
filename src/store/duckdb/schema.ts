import type { DuckDBConnection } from '@duckdb/node-api';
import { provinceKey } from '../../core/places.ts';

/** The list columns kept a second time as sorted text (`set` column, from `list` column): see migration 5. */
export const listSets = [
  ['actor_set', 'actor_ids'],
  ['actor_key_set', 'actor_keys'],
  ['target_set', 'targets'],
  ['tactic_set', 'tactics'],
  ['attribution_set', 'attributions'],
] as const;

/** A list as its set text: sorted, joined by chr(31) (`listSeparator`); '' for an empty list. */
export const joinedSet = (list: string) => `array_to_string(list_sort(${list}), chr(31))`;

/**
 * Map cells are counted on an integer grid: longitude and latitude as multiples of `gridStep` degrees (360 / 2^20,
 * ~38 m at the equator), so a cell of 2^k steps is a bit shift of two integers, not a division of two doubles.
 */
export const gridBits = 20;
export const gridStep = 360 / 2 ** gridBits;
/** The grid coordinate of a longitude (`offset` 180) or latitude (`offset` 90) expression. */
const gridSql = (degrees: string, offset: number) => `CAST(floor((${degrees} + ${offset}) / ${gridStep}) AS INTEGER)`;

/** One schema change: SQL, and what only our own code can compute for the rows already stored (`backfill`). */
export interface Migration {
  version: number;
  description: string;
  sql: string;
  backfill?: (c: DuckDBConnection) => Promise<void>;
}

/**
 * A change DuckDB makes to `records` only without an index on it: the index on id dropped, the change, the index
 * built again — three migrations from `first`, as the drop and the build must be transactions of their own (see 7).
 */
function withoutIdIndex(first: number, purpose: string, change: Omit<Migration, 'version'>): Migration[] {
  return [
    { version: first, description: `the index on records.id dropped, ${purpose}`, sql: 'DROP INDEX IF EXISTS records_id' },
    { version: first + 1, ...change },
    { version: first + 2, description: 'the index on records.id built again', sql: 'CREATE INDEX IF NOT EXISTS records_id ON records (id)' },
  ];
}

/** Migrations 14–16, which a store copied into the current storage version runs again on its empty tables (`copiedToCurrentStorage`). */
export const compressionMigrations = withoutIdIndex(14, 'to rebuild the table', {
  description: 'records rebuilt with documents and search text compressed by zstd (files of storage version 1.2+)',
  sql: 'SELECT 1',
  backfill: compressDocuments,
});

/**
 * Versioned schema migrations for the DuckDB store. Each entry runs once, in order, inside a transaction;
 * `schema_migrations` records which have run. Add a new entry to change the schema — never edit an old one.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'records, revisions',
    sql: `
      CREATE TABLE records (
        id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        subtype VARCHAR,
        date DATE NOT NULL,
        -- The last day the record may have happened on: dateEnd, or the end of an imprecise date's period.
        date_end DATE NOT NULL,
        date_precision VARCHAR NOT NULL,
        country VARCHAR,
        admin1 VARCHAR,
        admin2 VARCHAR,
        locality VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        place_precision VARCHAR NOT NULL,
        target_country VARCHAR,
        killed_best DOUBLE,
        wounded_best DOUBLE,
        actor_ids VARCHAR[] NOT NULL,
        actor_keys VARCHAR[] NOT NULL,
        unresolved VARCHAR[] NOT NULL,
        attributions VARCHAR[] NOT NULL,
        targets VARCHAR[] NOT NULL,
        tactics VARCHAR[] NOT NULL,
        dataset VARCHAR NOT NULL,
        dataset_version VARCHAR,
        licence VARCHAR,
        attribution VARCHAR,
        imported_at VARCHAR,
        status VARCHAR NOT NULL,
        visibility VARCHAR NOT NULL,
        revision INTEGER NOT NULL,
        search VARCHAR NOT NULL,
        hash VARCHAR NOT NULL,
        doc VARCHAR NOT NULL
      );
      CREATE TABLE revisions (
        id VARCHAR NOT NULL,
        revision INTEGER NOT NULL,
        changed_at TIMESTAMP NOT NULL,
        changed_by VARCHAR NOT NULL,
        comment VARCHAR,
        changes VARCHAR
      );`,
  },
  {
    version: 2,
    description: 'accounts: users, sessions, api_tokens, audit_log',
    // Names are stored lower-cased so uniqueness is case-insensitive. Sessions and tokens are kept as SHA-256
    // hashes: a copy of the file does not let anyone sign in.
    sql: `
      CREATE TABLE users (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL UNIQUE,
        role VARCHAR NOT NULL,
        password_hash VARCHAR NOT NULL,
        disabled BOOLEAN NOT NULL,
        created_at TIMESTAMP NOT NULL,
        password_changed_at TIMESTAMP NOT NULL
      );
      CREATE TABLE sessions (
        id_hash VARCHAR NOT NULL,
        user_id VARCHAR NOT NULL,
        csrf_token VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        expires_at TIMESTAMP NOT NULL
      );
      CREATE TABLE api_tokens (
        id VARCHAR NOT NULL,
        token_hash VARCHAR NOT NULL,
        user_id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        scope VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        last_used_at TIMESTAMP,
        revoked_at TIMESTAMP
      );
      CREATE TABLE audit_log (
        logged_at TIMESTAMP NOT NULL,
        actor VARCHAR,
        action VARCHAR NOT NULL,
        target VARCHAR,
        address VARCHAR,
        detail VARCHAR
      );`,
  },
  {
    version: 3,
    description: 'curation: what curators added to records (kept across re-imports)',
    // One row per record a curator touched: tags and links they added (JSON arrays), the status and visibility
    // they set (NULL: the dataset's), their note. Imports apply it on top of the dataset's version.
    sql: `
      CREATE TABLE curation (
        id VARCHAR PRIMARY KEY,
        tags VARCHAR NOT NULL,
        links VARCHAR NOT NULL,
        status VARCHAR,
        visibility VARCHAR,
        note VARCHAR,
        updated_by VARCHAR NOT NULL,
        updated_at TIMESTAMP NOT NULL
      );`,
  },
  {
    version: 4,
    description: 'an index on records.id',
    // Opening a record, its history, a page of records (picked on the sort columns, then fetched by id) and the
    // merge of a write all look records up by id: the index makes each a lookup instead of a scan of every id
    // (a page of 50 at 2M records: ~100 ms → ~15 ms).
    sql: 'CREATE INDEX records_id ON records (id)',
  },
  {
    version: 5,
    description: 'list columns also as sorted, joined text (actor_set, target_set…) for filters and facets',
    // Filters and facets on a list column read every list (a facet unnests them all). The same lists as one sorted
    // string joined by chr(31) are few distinct values, stored dictionary-compressed, and DuckDB evaluates a
    // filter once per distinct value: at 2M records a facet went from ~100 ms to ~40 ms and a filter on the
    // Islamic State and its 18 provinces from ~270 ms to ~40 ms. DuckDB cannot alter a table with an index, so
    // the index is dropped and made again.
    sql: `
      DROP INDEX records_id;
      ${listSets.map(([set]) => `ALTER TABLE records ADD COLUMN ${set} VARCHAR DEFAULT '';`).join('\n      ')}
      UPDATE records SET ${listSets.map(([set, list]) => `${set} = ${joinedSet(list)}`).join(', ')};
      CREATE INDEX records_id ON records (id);`,
  },
  {
    version: 6,
    description: 'map grid coordinates (grid_x, grid_y)',
    // Map cells group records on their grid coordinates shifted right by the cell's size in grid steps: at 2M
    // records a world map went from ~65 ms (floor(lon / size), floor(lat / size)) to ~35 ms.
    sql: `
      DROP INDEX records_id;
      ALTER TABLE records ADD COLUMN grid_x INTEGER;
      ALTER TABLE records ADD COLUMN grid_y INTEGER;
      UPDATE records SET grid_x = ${gridSql('lon', 180)}, grid_y = ${gridSql('lat', 90)};
      CREATE INDEX records_id ON records (id);`,
  },
  // Migrations 7 and 8 build the index on records.id again, repairing stores saved with an index that lacks records
  // recovered after a crash (see the checkpoint on open in duckdb-store.ts): those records were in the table but
  // never found by id. Two transactions: DuckDB 1.5 aborts the process committing one that drops an index and
  // creates another of the same name on some stores (the demo store did). Between the two, lookups scan.
  { version: 7, description: 'the index on records.id dropped, to be built again', sql: 'DROP INDEX records_id' },
  { version: 8, description: 'the index on records.id built again (~1 s at 2M records)', sql: 'CREATE INDEX IF NOT EXISTS records_id ON records (id)' },
  // Migrations 9–11: a province's spellings compared as one (`provinceKey`: "Balochistan province" is Balochistan).
  // DuckDB cannot add a column to a table with an index; dropping and building it again are transactions of their
  // own (see 7 and 8). The key is computed by our own code, once per distinct name (`backfill`).
  ...withoutIdIndex(9, 'to add a column', {
    description: 'records.admin1_key: the province name folded into the key filters, facets and map areas compare',
    sql: 'ALTER TABLE records ADD COLUMN IF NOT EXISTS admin1_key VARCHAR',
    backfill: rekeyProvinces,
  }),
  {
    version: 12,
    description: "province keys again: the datasets' other spellings of a province count as it (Khyber Pakhtunkwa, North-West Frontier)",
    sql: 'SELECT 1',
    backfill: rekeyProvinces,
  },
  {
    version: 13,
    description: 'the import log: every committed import, its file and counts',
    // Written in the import's own transaction. A dataset's last import was the newest record's import time, which an
    // import that changes nothing does not move: a user who re-imported this week's file saw last week's date.
    sql: `
      CREATE TABLE IF NOT EXISTS imports (
        committed_at TIMESTAMP NOT NULL,
        imported_by VARCHAR NOT NULL,
        file VARCHAR NOT NULL,
        format VARCHAR NOT NULL,
        datasets VARCHAR[] NOT NULL,
        read BIGINT NOT NULL,
        skipped BIGINT NOT NULL,
        rejected BIGINT NOT NULL,
        unresolved_actors BIGINT NOT NULL,
        inserted BIGINT NOT NULL,
        updated BIGINT NOT NULL,
        unchanged BIGINT NOT NULL,
        archived BIGINT NOT NULL,
        seconds DOUBLE NOT NULL
      );`,
  },
  // Migrations 14–16: documents and search text compressed with zstd, which DuckDB applies only to a table created
  // with it, in a file of storage version 1.2 or later (the store creates new files so, and copies older files into
  // such a file: `copiedToCurrentStorage`), so the table is rebuilt (`compressDocuments`). In a file of an older
  // version it stays as it is: zstd would silently fall back to no compression at all there.
  ...compressionMigrations,
  {
    version: 17,
    description: 'store_meta: facts about the store as a whole (the record model its documents are written in)',
    sql: 'CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)',
  },
];

/**
 * The columns `compressDocuments` gives zstd: the longest texts, alike from record to record. Measured at 2M ACLED
 * records, against DuckDB's default (FSST): the file 1,748 → 209 MB, copying the finished rows 36.9 → 17.8 s;
 * keyword search and full scans faster, a records page of 50 ~13 ms slower (it decompresses its documents' blocks).
 */
const zstdColumns = ['doc', 'search'];

/** The storage version DuckDB gives zstd from, and that the store creates new files with. */
export const storageVersion = 'v1.2.0';

/** Whether the open file is of `storageVersion` or later (its tag reads `v1.2.0+`; files of earlier versions `v1.0.0+`). */
export async function storesZstd(c: DuckDBConnection): Promise<boolean> {
  const tag = (await c.runAndReadAll(`SELECT tags['storage_version'] AS v FROM duckdb_databases() WHERE database_name = current_database()`)).getRowObjectsJS()[0]?.v;
  return String(tag ?? '').localeCompare(storageVersion, 'en', { numeric: true }) >= 0;
}

/** `records` again, with `zstdColumns` compressed by zstd, every row copied over — in a file that can hold them so. */
async function compressDocuments(c: DuckDBConnection): Promise<void> {
  if (!(await storesZstd(c))) return;
  const columns = (
    await c.runAndReadAll(
      `SELECT column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS def
       FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema = current_schema() AND table_name = 'records' ORDER BY ordinal_position`,
    )
  ).getRowObjectsJS();
  const definition = columns.map(({ name, type, nullable, def }) =>
    [`"${String(name)}"`, type, def == null ? '' : `DEFAULT ${def}`, nullable === 'NO' ? 'NOT NULL' : '', zstdColumns.includes(String(name)) ? 'USING COMPRESSION zstd' : '']
      .filter(Boolean)
      .join(' '),
  );
  await c.run(`CREATE TABLE records_zstd (${definition.join(', ')})`);
  await c.run('INSERT INTO records_zstd SELECT * FROM records');
  await c.run('DROP TABLE records');
  await c.run('ALTER TABLE records_zstd RENAME TO records');
}

/** Sets `admin1_key` to `provinceKey(admin1)` where it is not, computed once per distinct name. */
async function rekeyProvinces(c: DuckDBConnection): Promise<void> {
  const names = (await c.runAndReadAll('SELECT DISTINCT admin1, admin1_key FROM records WHERE admin1 IS NOT NULL')).getRowObjectsJS();
  const stale = names.filter((r) => r.admin1_key !== provinceKey(String(r.admin1))).map((r) => String(r.admin1));
  if (!stale.length) return;
  await c.run('CREATE TEMP TABLE admin1_keys (admin1 VARCHAR, admin1_key VARCHAR)');
  for (let i = 0; i < stale.length; i += 500) {
    const part = stale.slice(i, i + 500);
    await c.run(`INSERT INTO admin1_keys VALUES ${part.map(() => '(?, ?)').join(', ')}`, part.flatMap((n) => [n, provinceKey(n)]));
  }
  await c.run('UPDATE records SET admin1_key = k.admin1_key FROM admin1_keys k WHERE records.admin1 = k.admin1');
  await c.run('DROP TABLE admin1_keys');
}

/**
 * What the writer stages per record through the Appender: the document and the few values only our own code can
 * compute (registry-folded actor names, the text keyword search reads, the end of an imprecise date, the
 * province key). Every other
 * column is derived from the document in SQL (`recordColumnsSql`), where DuckDB does it vectorised and in parallel.
 */
export const stagedColumns = [
  ['seq', 'BIGINT'],
  ['id', 'VARCHAR'],
  ['doc', 'VARCHAR'],
  ['date_end', 'VARCHAR'],
  ['actor_keys', 'VARCHAR'],
  ['search', 'VARCHAR'],
  ['imported_at', 'VARCHAR'],
  ['admin1_key', 'VARCHAR'],
] as const;

/** The separator of staged lists: ASCII unit separator, which no name contains. */
export const listSeparator = '\u001f';

/** The typed shape DuckDB parses each staged document into, once (`from_json`), for the derived columns. */
const docShape = JSON.stringify({
  kind: 'VARCHAR', subtype: 'VARCHAR', date: 'DATE', datePrecision: 'VARCHAR', targetCountry: 'VARCHAR',
  place: { country: 'VARCHAR', admin1: 'VARCHAR', admin2: 'VARCHAR', locality: 'VARCHAR', lat: 'DOUBLE', lon: 'DOUBLE', precision: 'VARCHAR' },
  actors: [{ actorId: 'VARCHAR', name: 'VARCHAR', attribution: 'VARCHAR' }],
  targets: ['VARCHAR'], tactics: ['VARCHAR'], killed: { best: 'DOUBLE' }, wounded: { best: 'DOUBLE' },
  provenance: { dataset: 'VARCHAR', datasetVersion: 'VARCHAR', licence: 'VARCHAR', attribution: 'VARCHAR' },
  status: 'VARCHAR', visibility: 'VARCHAR',
});

/**
 * Staged rows with their parsed documents (as `j`), and the content hash and the revision they replace (`hash`,
 * `old_rev`, from the merge's table `d`): a subquery the insert reads its columns from, so each document is parsed
 * once however many columns read it (DuckDB 1.5 keeps `j` one projection column; `EXPLAIN` shows it).
 */
export const parseDocs = (stage: string) => `SELECT s.*, from_json(s.doc, '${docShape}') AS j, d.hash, d.old_rev FROM ${stage} s`;

const distinct = (list: string) => `coalesce(list_distinct(list_filter(${list}, x -> x IS NOT NULL)), [])`;

const columnsSql: [string, string][] = [
  ['id', 's.id'],
  ['kind', 's.j.kind'],
  ['subtype', 's.j.subtype'],
  ['date', 's.j.date'],
  ['date_end', 'CAST(s.date_end AS DATE)'],
  ['date_precision', 's.j.datePrecision'],
  ['country', 's.j.place.country'],
  ['admin1', 's.j.place.admin1'],
  ['admin1_key', 's.admin1_key'],
  ['admin2', 's.j.place.admin2'],
  ['locality', 's.j.place.locality'],
  ['lat', 's.j.place.lat'],
  ['lon', 's.j.place.lon'],
  ['grid_x', gridSql('s.j.place.lon', 180)],
  ['grid_y', gridSql('s.j.place.lat', 90)],
  ['place_precision', 's.j.place.precision'],
  ['target_country', 's.j.targetCountry'],
  ['killed_best', 's.j.killed.best'],
  ['wounded_best', 's.j.wounded.best'],
  ['actor_ids', distinct('list_transform(s.j.actors, a -> a.actorId)')],
  ['actor_keys', `CASE WHEN s.actor_keys = '' THEN []::VARCHAR[] ELSE string_split(s.actor_keys, chr(31)) END`],
  ['unresolved', distinct('list_transform(list_filter(s.j.actors, a -> a.actorId IS NULL), a -> a.name)')],
  ['attributions', distinct('list_transform(s.j.actors, a -> a.attribution)')],
  ['targets', distinct('s.j.targets')],
  ['tactics', distinct('s.j.tactics')],
  ['dataset', 's.j.provenance.dataset'],
  ['dataset_version', 's.j.provenance.datasetVersion'],
  ['licence', 's.j.provenance.licence'],
  ['attribution', 's.j.provenance.attribution'],
  ['imported_at', 's.imported_at'],
  ['status', 's.j.status'],
  ['visibility', 's.j.visibility'],
  // Keyword search compares lower-case text without accents; `searchTerms` splits the user's keywords likewise.
  ['search', 'lower(strip_accents(s.search))'],
  ['hash', 's.hash'],
  ['doc', 's.doc'],
];

/** The columns of `records` (but `revision`) as SQL over a staged row `s` and its parsed document `s.j` (see `parseDocs`). */
export const recordColumnsSql: readonly [string, string][] = [
  ...columnsSql,
  ...listSets.map(([set, list]): [string, string] => [set, joinedSet(columnsSql.find(([name]) => name === list)![1])]),
];
