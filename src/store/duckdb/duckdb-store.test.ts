import { describe, expect, it } from 'vitest';
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
});
