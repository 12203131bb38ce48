/**
 * Versioned schema migrations for the DuckDB store. Each entry runs once, in order, inside a transaction;
 * `schema_migrations` records which have run. Add a new entry to change the schema — never edit an old one.
 */
export const migrations: readonly { version: number; description: string; sql: string }[] = [
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
];

/** Columns the writer stages, in order; lists are staged as unit-separator-joined text and split in SQL. */
export const stagedColumns = [
  ['seq', 'BIGINT'],
  ['id', 'VARCHAR'],
  ['kind', 'VARCHAR'],
  ['subtype', 'VARCHAR'],
  ['date', 'VARCHAR'],
  ['date_end', 'VARCHAR'],
  ['date_precision', 'VARCHAR'],
  ['country', 'VARCHAR'],
  ['admin1', 'VARCHAR'],
  ['admin2', 'VARCHAR'],
  ['locality', 'VARCHAR'],
  ['lat', 'DOUBLE'],
  ['lon', 'DOUBLE'],
  ['place_precision', 'VARCHAR'],
  ['target_country', 'VARCHAR'],
  ['killed_best', 'DOUBLE'],
  ['wounded_best', 'DOUBLE'],
  ['actor_ids', 'VARCHAR'],
  ['actor_keys', 'VARCHAR'],
  ['unresolved', 'VARCHAR'],
  ['attributions', 'VARCHAR'],
  ['targets', 'VARCHAR'],
  ['tactics', 'VARCHAR'],
  ['dataset', 'VARCHAR'],
  ['dataset_version', 'VARCHAR'],
  ['licence', 'VARCHAR'],
  ['attribution', 'VARCHAR'],
  ['imported_at', 'VARCHAR'],
  ['status', 'VARCHAR'],
  ['visibility', 'VARCHAR'],
  ['search', 'VARCHAR'],
  ['hash', 'VARCHAR'],
  ['doc', 'VARCHAR'],
] as const;

export const listColumns = new Set(['actor_ids', 'actor_keys', 'unresolved', 'attributions', 'targets', 'tactics']);
/** The separator of staged lists: ASCII unit separator, which no field of ours contains. */
export const listSeparator = '\u001f';
