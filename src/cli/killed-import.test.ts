/**
 * An import is all or nothing even when the process dies (issue #3): `sitrep import` killed with SIGKILL while it
 * reads, stages, merges or commits leaves the store exactly as it was, and the store stays usable.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from './settings.ts';
import { csvRow, sitrep, sitrepBin } from './cli-test-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-killed-'));
const base = join(dir, 'base.duckdb');
const big = join(dir, 'big.csv');
const rows = 40_000;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The output of `sitrep args`, which must succeed. */
function sitrepOk(args: string[]): string {
  const r = sitrep(args);
  if (r.code !== 0) throw new Error(`sitrep ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Every record of the store, in a stable order: as an export scans them, or as records pages list them (by id). */
const contents = (db: string, command: 'export' | 'query' = 'export') =>
  sitrepOk([command, '--db', db, '--format', 'ndjson', ...(command === 'query' ? ['--limit', '1000'] : [])]).split('\n').sort().join('\n');

/** A copy of the base store (its write-ahead log too, if it has one). */
function copyOfBase(name: string): string {
  const db = join(dir, name);
  copyFileSync(base, db);
  if (existsSync(`${base}.wal`)) copyFileSync(`${base}.wal`, `${db}.wal`);
  return db;
}

/** Starts an import of the big file and kills it after `ms`; resolves with how it ended. */
function importKilledAfter(db: string, ms: number): Promise<{ signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [sitrepBin, 'import', big, '--db', db, '--json'], { env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  return new Promise((resolve) =>
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ signal });
    }),
  );
}

/** Starts an import of the big file into a new store, with `--rejects`, and sends it Ctrl-C (SIGINT) after `ms`. */
function importInterruptedAfter(db: string, rejects: string, ms: number): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [sitrepBin, 'import', big, '--db', db, '--rejects', rejects, '--json'], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGINT'), ms);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}

let fullSeconds = 0;
let before = '';

beforeAll(async () => {
  // Invented ACLED rows (ACLED's own may not be redistributed), repeated under new ids to make a file that takes
  // a few seconds to import.
  const fixture = readFileSync(join(projectRoot, 'src/sources/acled/fixtures/acled-current.csv'), 'utf8');
  const [header, ...samples] = (parse(fixture, { relax_column_count: true }) as string[][]).slice(0, 10);
  const lines = [csvRow(header!)];
  for (let i = 0; i < rows; i++) {
    const cells = [...samples[i % samples.length]!];
    cells[0] = `SYN${100000 + i}`;
    lines.push(csvRow(cells));
  }
  writeFileSync(big, lines.join('\n') + '\n');
  const seed = join(dir, 'seed.csv');
  writeFileSync(seed, fixture.split('\n').slice(0, 10).join('\n') + '\n');
  sitrepOk(['import', seed, '--db', base]);
  before = contents(base);

  // How long a whole import takes here, so the kills below land in every phase of one.
  const started = performance.now();
  const report = JSON.parse(sitrepOk(['import', big, '--db', copyOfBase('whole.duckdb'), '--json']))[0];
  fullSeconds = (performance.now() - started) / 1000;
  expect(report).toMatchObject({ inserted: rows, rejected: 0 });
}, 300_000);

describe('an import killed half-way', () => {
  // While it reads and stages, later in staging, and in the merge. Timings vary: a kill can also land after the
  // commit (while the process checkpoints or exits), or the import finishes first; then the store must be whole.
  it.each([0.3, 0.6, 0.8])('at %s of its run leaves the store as it was or whole, and usable', async (fraction) => {
    const db = copyOfBase(`killed-${fraction}.duckdb`);
    await importKilledAfter(db, fraction * fullSeconds * 1000);
    const scanned = contents(db);
    const whole = scanned.split('\n').filter(Boolean).length === rows + 8;
    if (!whole) expect(scanned).toBe(before);
    // Through the id index too, not only by the scan an export makes: a records page lists what the scan found.
    const listed = contents(db, 'query').split('\n').filter(Boolean);
    expect(listed).toHaveLength(whole ? 1000 : 8);
    const records = new Set(scanned.split('\n'));
    expect(listed.filter((line) => !records.has(line))).toEqual([]);
    const report = JSON.parse(sitrepOk(['import', big, '--db', db, '--json']))[0];
    expect(report).toMatchObject(whole ? { unchanged: rows, rejected: 0 } : { inserted: rows, rejected: 0 });
  }, 300_000);
});

describe('an import interrupted with Ctrl-C', () => {
  // While it reads, and late (in the merge or its commit, which is let finish first). A fast machine may finish first.
  it.each([0.3, 0.85])('at %s of its run stops, says what is in the store, and leaves nothing else behind', async (fraction) => {
    const db = join(dir, `interrupted-${fraction}.duckdb`);
    const rejects = join(dir, `rejects-${fraction}.csv`);
    writeFileSync(rejects, 'an earlier file\n');
    const { code, stderr } = await importInterruptedAfter(db, rejects, fraction * fullSeconds * 1000);
    if (code === 0 || /: imported /.test(stderr)) {
      // Finished, or interrupted during its commit: the file is in the store, whole.
      if (code !== 0) expect(stderr).toBe(`sitrep: interrupted (SIGINT): imported ${big}\n`);
      expect(contents(db).split('\n').filter(Boolean)).toHaveLength(rows);
    } else {
      expect({ code, stderr }).toEqual({ code: 130, stderr: 'sitrep: interrupted (SIGINT): nothing was imported\n' });
      // No empty store is left for read commands to take for no data, and an earlier rejects file is as it was.
      expect(existsSync(db)).toBe(false);
      expect(readFileSync(rejects, 'utf8')).toBe('an earlier file\n');
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  }, 300_000);
});
