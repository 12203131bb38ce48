import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullScope } from '../../core/filter.ts';
import { runStoreContract, sampleRecord } from '../contract.ts';
import { runAccountContract } from '../account-contract.ts';
import { duckdbStore } from './duckdb-store.ts';

runStoreContract('duckdb', () => duckdbStore(':memory:'));
runAccountContract('duckdb', () => duckdbStore(':memory:'));

describe('duckdb store file', () => {
  it('persists records and migrations across reopen', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sitrep-store-')), 'test.duckdb');
    const first = await duckdbStore(path);
    await first.write([sampleRecord({ id: 'p:1' })], { by: 'test' });
    await first.close();
    const second = await duckdbStore(path);
    expect((await second.get(fullScope, 'p:1'))?.id).toBe('p:1');
    expect(await second.count(fullScope, {})).toBe(1);
    await second.close();
  });

  it('migrates a store written before the map grid: its records get grid coordinates and are mapped where they are', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sitrep-store-')), 'old.duckdb');
    const first = await duckdbStore(path);
    await first.write([sampleRecord({ id: 'g:1', place: { country: 'FJI', lat: -17.5, lon: 179.5, precision: 'exact' } }), sampleRecord({ id: 'g:2' })], { by: 'test' });
    await first.close();
    // The file as migration 5 left it: no grid columns, migration 6 not recorded.
    const raw = await (await DuckDBInstance.create(path)).connect();
    await raw.run('DROP INDEX records_id; ALTER TABLE records DROP COLUMN grid_x; ALTER TABLE records DROP COLUMN grid_y; CREATE INDEX records_id ON records (id); DELETE FROM schema_migrations WHERE version = 6');
    raw.closeSync();

    const reopened = await duckdbStore(path);
    const map = await reopened.map(fullScope, {}, { zoom: 1, maxFeatures: 1 });
    expect(map.mode).toBe('cells');
    if (map.mode !== 'cells') return;
    // One cell for both records (at most one feature asked), at their mean: Fiji and Kabul (34.53 N, 69.17 E).
    expect(map.cells).toEqual([expect.objectContaining({ count: 2 })]);
    expect(map.cells[0]!.lon).toBeCloseTo((179.5 + 69.17) / 2, 3);
    expect(map.cells[0]!.lat).toBeCloseTo((-17.5 + 34.53) / 2, 3);
    await reopened.close();
  });
});
