// POST /api/imports: a file sent to a running server is imported as `sitrep import` imports it (the same reports,
// the same records), by reviewers and admins only, whole or not at all, and readers see the new records at once.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { duckdbStore, type DuckdbStore } from '../store/duckdb/duckdb-store.ts';
import { loadRegistry } from '../cli/wiring.ts';
import { importerFor } from '../cli/run-import.ts';
import { fullScope } from '../core/filter.ts';
import type { ImportReport } from '../core/importing.ts';
import { accountService } from './auth/account-service.ts';
import { createApp } from './app.ts';
import { addTestUsers, anonymousClient, signIn, tokenClient, type TestClient } from './auth/test-client.ts';

const registry = loadRegistry();
const importer = importerFor(registry);
const pakistan = new URL('../../../shared/data/ucdp_ged/conflict_data_pak.csv', import.meta.url).pathname;
const uploads = () => readdirSync(tmpdir()).filter((f) => f.startsWith('sitrep-upload-')).length;
const withoutTimes = (reports: ImportReport[]) => reports.map(({ seconds: _s, ...r }) => r);

let store: DuckdbStore;
let app: ReturnType<typeof createApp>;
let reviewer: TestClient & { csrfToken: string };

/** Sends `file` as the body of POST /api/imports. */
const send = (client: TestClient, file: string, query = '', headers: Record<string, string> = {}) =>
  client.request(`/api/imports?file_name=${encodeURIComponent(file.split('/').pop()!)}${query}`, { method: 'POST', body: readFileSync(file), headers });

beforeAll(async () => {
  // A temporary folder of this file's own, so the uploads left behind are this file's (other test files import too).
  process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'sitrep-imports-test-'));
  store = await duckdbStore(':memory:');
  await addTestUsers(store.accounts);
  app = createApp({ store, registry, accounts: store.accounts, importer, options: { log: () => undefined, rateLimitPerMinute: 0, maxImportBytes: 50_000_000 } });
  reviewer = await signIn(app, 'reviewer');
});
afterAll(async () => {
  await store.close();
  rmSync(tmpdir(), { recursive: true, force: true });
});

describe('POST /api/imports', () => {
  it('imports a file as `sitrep import` would: the same reports and records, and readers see them at once', async () => {
    const before = await (await anonymousClient(app).request('/api/facets?facet=dataset')).json();
    const res = await send(reviewer, pakistan);
    expect(res.status).toBe(200);
    const { reports } = (await res.json()) as { reports: ImportReport[] };

    // The reference: the same file imported by the command line's code path into a store of its own.
    const local = await duckdbStore(':memory:');
    try {
      const expected = await importer.run(local, pakistan, {});
      expect(withoutTimes(reports)).toEqual(withoutTimes(expected));
      const ids = async (s: DuckdbStore) => (await s.query(fullScope, {}, { limit: 1000, sort: 'date' })).records.map((r) => [r.id, r.killed, r.actors]);
      expect(await ids(store)).toEqual(await ids(local));
    } finally {
      await local.close();
    }
    expect(reports[0]).toMatchObject({ format: 'ucdp', inserted: reports[0]!.read, rejected: 0, datasets: ['ucdp'] });
    // The answer cache of the facets is not served stale: the new dataset is counted.
    const after = (await (await anonymousClient(app).request('/api/facets?facet=dataset')).json()) as { facets: { dataset: { values: { value: string; count: number }[] } } };
    expect(after).not.toEqual(before);
    expect(after.facets.dataset.values.find((v) => v.value === 'ucdp')?.count).toBe(reports[0]!.inserted);
    // Who imported it is in the history and the audit log.
    const history = (await (await reviewer.request(`/api/records/${encodeURIComponent('ucdp:425088')}/history`)).json()) as { revisions: { by: string; comment: string }[] };
    expect(history.revisions[0]).toMatchObject({ by: 'reviewer', comment: 'import of conflict_data_pak.csv' });
    const audit = await accountService(store.accounts).auditLog(5);
    expect(audit[0]).toMatchObject({ actor: 'reviewer', action: 'import', target: 'conflict_data_pak.csv' });

    const again = (await (await send(reviewer, pakistan)).json()) as { reports: ImportReport[] };
    expect(again.reports[0]).toMatchObject({ inserted: 0, updated: 0, unchanged: reports[0]!.read });
    expect(uploads()).toBe(0);
  });

  it('lets only reviewers and admins import, with a write token or a session and its CSRF token', async () => {
    const count = await store.count(fullScope, {});
    const service = accountService(store.accounts);
    const tokenOf = async (name: string, scope: 'read' | 'write') => (await service.createToken((await store.accounts.findUser(name))!, 'import test', scope, { actor: 'test' })).token;
    const refused: [TestClient, number, string][] = [
      [anonymousClient(app), 401, 'unauthorized'],
      [await signIn(app, 'editor'), 403, 'forbidden'],
      [await signIn(app, 'viewer'), 403, 'forbidden'],
      [tokenClient(app, await tokenOf('admin', 'read')), 403, 'forbidden'],
    ];
    for (const [client, status, code] of refused) {
      const res = await send(client, pakistan);
      expect(res.status, client.name).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const noCsrf = await reviewer.request('/api/imports', { method: 'POST', body: 'x', csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(await store.count(fullScope, {})).toBe(count);
    const admin = tokenClient(app, await tokenOf('admin', 'write'));
    expect((await send(admin, pakistan)).status).toBe(200);
  });

  it('refuses a bad file, a file over the limit and a failed import with the error shape, and changes nothing', async () => {
    const count = await store.count(fullScope, {});
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-import-test-'));
    const unknown = join(dir, 'notes.csv');
    writeFileSync(unknown, 'a,b\n1,2\n');
    const big = join(dir, 'big.csv');
    writeFileSync(big, 'x'.repeat(60_000_000));
    // Half of the rows of a real UCDP file with an impossible date: far over the 1% the import allows.
    const lines = readFileSync(pakistan, 'utf8').split('\n');
    // A small upload that unpacks to more than the server accepts: the Pakistan file's first event, repeated.
    const bomb = join(dir, 'bomb.csv.gz');
    writeFileSync(bomb, gzipSync([lines[0], lines[1], `${lines[2]}\n`.repeat(Math.ceil(51_000_000 / lines[2]!.length))].join('\n')));
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, lines.map((l, i) => (i > 1 && i % 2 ? l.replace(/\d{4}-\d\d-\d\d/g, '2021-02-30') : l)).join('\n'));

    const cases: [string, string, number, string, RegExp][] = [
      [unknown, '', 400, 'format', /cannot tell the format of notes\.csv/],
      [unknown, '&max_reject_rate=2', 400, 'max_reject_rate', /invalid max_reject_rate "2"/],
      [unknown, '&format=ucdp-ged', 400, 'format', /invalid format "ucdp-ged": expected one of .*\bucdp\b/],
      [unknown, '&sheet=Events', 400, 'body', /notes\.csv: a sheet \("Events"\) was named, but this is not an \.xlsx workbook/],
      [big, '', 413, 'body', /larger than this server accepts/],
      [bomb, '', 400, 'body', /bomb\.csv\.gz: the file unpacks to more than 50,000,000 characters of text, more than this server accepts \(SITREP_MAX_IMPORT_BYTES\)/],
      [broken, '', 400, 'max_reject_rate', /rows rejected .* more than --max-reject-rate 1%; first: broken\.csv line \d+/],
    ];
    for (const [file, query, status, param, message] of cases) {
      const res = await send(reviewer, file, query);
      const body = (await res.json()) as { error: { param: string; message: string }; requestId: string };
      expect(res.status, file).toBe(status);
      expect(body.error.param, file).toBe(param);
      expect(body.error.message).toMatch(message);
      expect(body.requestId).toBeTruthy();
    }
    expect(await store.count(fullScope, {})).toBe(count);
    expect(uploads()).toBe(0);
  });

  it('answers an import that runs out of memory with 503 naming the limit of writes', async () => {
    const full: DuckdbStore = { ...store, write: async () => { throw new Error('Out of Memory Error: could not allocate block of size 256.0 KiB (476.0 MiB/476.8 MiB used)'); } };
    const server = createApp({ store: full, registry, accounts: store.accounts, importer, options: { log: () => undefined, rateLimitPerMinute: 0 } });
    const res = await send(await signIn(server, 'reviewer'), pakistan);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string; hint: string } }).error).toMatchObject({ code: 'out_of_memory', hint: expect.stringMatching(/SITREP_IMPORT_MEMORY_LIMIT/) });
  });

  it('streams progress, every rejected row and the reports as NDJSON, and a failure as the error shape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-import-test-'));
    // Three rows of a real UCDP file with an impossible date: under the rate allowed here, so the rest is imported.
    const lines = readFileSync(pakistan, 'utf8').split('\n');
    const three = join(dir, 'three-bad.csv');
    writeFileSync(three, lines.map((l, i) => ([10, 20, 30].includes(i) ? l.replace(/\d{4}-\d\d-\d\d/g, '2021-02-30') : l)).join('\n'));
    const res = await send(reviewer, three, '&rejections=all', { Accept: 'application/x-ndjson' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const messages = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const last = messages.at(-1) as { reports: ImportReport[] };
    expect(last.reports[0]).toMatchObject({ file: 'three-bad.csv', rejected: 3, updated: 0 });
    expect(messages.filter((m) => m.rejection).map((m) => (m.rejection as { line: number }).line)).toEqual([11, 21, 31]);
    expect(messages.some((m) => (m.progress as { stage?: string } | undefined)?.stage === 'writing')).toBe(true);

    const failed = await send(reviewer, three, '&max_reject_rate=0', { Accept: 'application/x-ndjson' });
    const error = JSON.parse((await failed.text()).trim().split('\n').at(-1)!) as { error: { code: string; param: string }; requestId: string };
    expect(error).toMatchObject({ error: { code: 'invalid_parameter', param: 'max_reject_rate' } });
    expect(error.requestId).toBeTruthy();
  });

  it('with sync=true archives the records of the dataset a full file no longer has', async () => {
    // The Pakistan file without its last 100 events (read with an independent CSV parser): those are archived.
    const rows = parse(readFileSync(pakistan), { bom: true }) as string[][];
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-import-test-'));
    const shorter = join(dir, 'conflict_data_pak.csv');
    writeFileSync(shorter, stringify(rows.slice(0, -100)));
    expect((await send(reviewer, pakistan)).status).toBe(200);
    const { reports } = (await (await send(reviewer, shorter, '&sync=true')).json()) as { reports: ImportReport[] };
    // Two header rows: the column names and UCDP's HXL tags.
    expect(reports[0]).toMatchObject({ read: rows.length - 2 - 100, archived: 100, inserted: 0, updated: 0, unchanged: rows.length - 2 - 100 });
    expect(await store.count(fullScope, { dataset: ['ucdp'], status: ['archived'] })).toBe(100);
  });

  it('lists the formats it reads to those who may import', async () => {
    const res = await reviewer.request('/api/imports/formats');
    const { formats } = (await res.json()) as { formats: { name: string; description: string }[] };
    expect(formats.map((f) => f.name)).toEqual(expect.arrayContaining(['ucdp', 'acled', 'gtd', 'gdelt', 'mapped', 'sitrep-ndjson']));
    expect(formats.every((f) => f.description.length > 10)).toBe(true);
    expect((await anonymousClient(app).request('/api/imports/formats')).status).toBe(401);
    expect((await (await signIn(app, 'editor')).request('/api/imports/formats')).status).toBe(403);
  });

  it('shows the import log, newest first, to those who may import', async () => {
    const res = await reviewer.request('/api/imports?dataset=ucdp&limit=2');
    expect(res.status).toBe(200);
    const { imports } = (await res.json()) as { imports: { file: string; by: string; format: string; datasets: string[]; read: number; inserted: number; unchanged: number }[] };
    // The earlier tests imported the Pakistan file more than once; the log names each import as the report did.
    expect(imports).toHaveLength(2);
    const expected = (await store.imports({ dataset: 'ucdp', limit: 2 })).map(({ file, by, format, datasets, read }) => ({ file, by, format, datasets, read }));
    expect(imports.map(({ file, by, format, datasets, read }) => ({ file, by, format, datasets, read }))).toEqual(expected);
    expect(imports[0]).toMatchObject({ format: 'ucdp', datasets: ['ucdp'] });
    expect(imports[0]!.read).toBeGreaterThan(100);
    expect((await anonymousClient(app).request('/api/imports')).status).toBe(401);
    expect((await (await signIn(app, 'editor')).request('/api/imports')).status).toBe(403);
    const bad = await reviewer.request('/api/imports?limit=0');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('limit');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, { post?: { parameters?: { name: string }[] } }> };
    expect(doc.paths['/api/imports']?.post?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['file_name', 'format', 'sync', 'max_reject_rate']));
  });
});
