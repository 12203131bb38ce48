// Hardening: security headers, framing, rate limit, query timeout, 500s, body size, CORS, logs, and the web app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../core/event-store.ts';
import { duckdbStore } from '../store/duckdb/duckdb-store.ts';
import { loadRegistry } from '../cli/wiring.ts';
import { publicFixtures } from './api-fixture.ts';
import { createApp } from './app.ts';
import type { LogLine, ServerOptions } from './context.ts';

let store: EventStore;
const registry = loadRegistry();
const quiet = { log: () => undefined, rateLimitPerMinute: 0, cacheTtlMs: 0 };
const appWith = (options: Partial<ServerOptions> = {}, s: EventStore = store) => createApp({ store: s, registry, options: { ...quiet, ...options } });
/** A socket address for `app.request`, as @hono/node-server passes it. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

beforeAll(async () => {
  store = await duckdbStore(':memory:');
  await store.write(publicFixtures(), { by: 'test' });
});
afterAll(() => store.close());

describe('headers', () => {
  it('sends a strict CSP, nosniff and no framing, except on the embed views', async () => {
    const app = appWith();
    for (const url of ['/api/records', '/', '/api/docs']) {
      const res = await app.request(url);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-request-id')).toMatch(/\S/);
    }
    // Only the embed view may be framed: /embed paths render the whole app (sign-in, editor link, exports).
    const embed = await app.request('/?embed=1');
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    for (const url of ['/embed', '/embed/map', '/editor?embed=1']) {
      const res = await app.request(url);
      expect(res.headers.get('content-security-policy'), url).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options'), url).toBe('DENY');
    }
  });

  it('sends no CORS headers unless origins are configured', async () => {
    const init = { headers: { Origin: 'https://example.org' } };
    expect((await appWith().request('/api/records', init)).headers.get('access-control-allow-origin')).toBeNull();
    const open = appWith({ corsOrigins: ['https://example.org'] });
    expect((await open.request('/api/records', init)).headers.get('access-control-allow-origin')).toBe('https://example.org');
    expect((await open.request('/api/records', { headers: { Origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('limits', () => {
  it('rate-limits each address with 429 and Retry-After', async () => {
    const app = appWith({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await app.request('/api/datasets', {}, from('10.0.0.1'))).status).toBe(200);
    const limited = await app.request('/api/datasets', {}, from('10.0.0.1'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await app.request('/api/datasets', {}, from('10.0.0.2'))).status).toBe(200);
  });

  it('refuses request bodies over the limit with 413', async () => {
    const res = await appWith().request('/api/records', { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1), headers: { 'Content-Type': 'text/plain' } });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('answers 503 with a clear error when a query is too slow', async () => {
    // The real store, slowed down: the facet query takes longer than the timeout.
    const slow: EventStore = { ...store, facets: async (...args) => { await new Promise((r) => setTimeout(r, 300)); return store.facets(...args); } };
    const res = await appWith({ queryTimeoutMs: 50 }, slow).request('/api/facets?facet=kind');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string; hint: string } };
    expect(body.error.code).toBe('query_timeout');
    expect(body.error.message).toContain('0.05 s');
    expect(body.error.hint).toMatch(/narrow the filter/);
  });
});

describe('errors and logs', () => {
  it('answers 503 out_of_memory, with what to do, when DuckDB reaches its memory limit', async () => {
    const lines: LogLine[] = [];
    const full: EventStore = { ...store, datasets: async () => { throw new Error('Out of Memory Error: could not allocate block of size 256.0 KiB (381.7 MiB/381.4 MiB used)'); } };
    const res = await appWith({ log: (l) => lines.push(l) }, full).request('/api/datasets');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string; hint: string } };
    expect(body.error).toMatchObject({ code: 'out_of_memory', message: 'the database ran out of memory answering this request' });
    expect(body.error.hint).toMatch(/SITREP_MEMORY_LIMIT/);
    expect(body.error.hint).not.toMatch(/IMPORT/);
    // The operator still sees it in the log.
    expect(lines.some((l) => l.level === 'error' && String(l.error).includes('Out of Memory Error'))).toBe(true);
  });


  it('answers an export that fails before its first byte with the error, not a 200 that breaks off', async () => {
    const oom = new Error('Out of Memory Error: failed to allocate data of size 16.0 MiB (51.1 MiB/61.0 MiB used)');
    const failing = (): AsyncIterable<never> => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(oom) }) });
    const full: EventStore = { ...store, exportParquet: failing, stream: failing };
    for (const format of ['parquet', 'csv']) {
      const res = await appWith({ log: () => undefined }, full).request(`/api/export?format=${format}`);
      expect(res.status, format).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('out_of_memory');
    }
  });

  it('logs one line per request and answers bugs with 500, a request id and no stack', async () => {
    const lines: LogLine[] = [];
    const broken: EventStore = { ...store, datasets: async () => { throw new Error('disk on fire at /secret/path'); } };
    const app = appWith({ log: (l) => lines.push(l) }, broken);
    const res = await app.request('/api/datasets');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('disk on fire');
    expect(text).not.toContain('/secret/path');
    const body = JSON.parse(text) as { error: { code: string }; requestId: string };
    expect(body.error.code).toBe('internal');
    const error = lines.find((l) => l.level === 'error' && 'error' in l)!;
    expect(error.requestId).toBe(body.requestId);
    expect(String(error.error)).toContain('disk on fire');
    const access = lines.filter((l) => 'status' in l);
    expect(access).toEqual([{ level: 'error', time: expect.any(String), method: 'GET', path: '/api/datasets', status: 500, ms: expect.any(Number), requestId: body.requestId }]);
  });
});

describe('the web app', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Sitrep map</title><script type="module" src="/assets/app-1234.js"></script>');
    writeFileSync(join(dir, 'assets/app-1234.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets/style.css'), 'body{}');
    writeFileSync(join(dir, '..', 'outside.txt'), 'not served');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('explains how to build it when there is no build', async () => {
    const res = await appWith({ webRoot: join(dir, 'missing') }).request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('not built');
  });

  it('serves files with their types, and index.html for client routes', async () => {
    const app = appWith({ webRoot: dir });
    const index = await app.request('/');
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('Sitrep map');
    const js = await app.request('/assets/app-1234.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/assets/style.css')).headers.get('content-type')).toMatch(/^text\/css/);
    const route = await app.request('/records/ucdp:1?kind=attack');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Sitrep map');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect((await app.request('/api/unknown')).headers.get('content-type')).toMatch(/json/);
    for (const evil of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt']) {
      const res = await app.request(evil);
      expect(await res.text(), evil).not.toContain('not served');
    }
  });
});
