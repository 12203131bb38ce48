// Accounts over HTTP: sign-in and its cookie, CSRF on writes, throttling and the audit log, API tokens (shown
// once, stored hashed, scoped, revocable), roles deciding what is read, and no password in any log or answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdbStore, type DuckdbStore } from '../../store/duckdb/duckdb-store.ts';
import { loadRegistry } from '../../cli/wiring.ts';
import { hiddenFixtures, publicFixtures } from '../api-fixture.ts';
import { createApp } from '../app.ts';
import type { LogLine, ServerOptions } from '../context.ts';
import { sha256 } from './secrets.ts';
import { addTestUsers, anonymousClient, signIn, testPassword, tokenClient } from './test-client.ts';

const registry = loadRegistry();
let dir: string;
let store: DuckdbStore;
const logs: LogLine[] = [];
/** Tokens issued during the tests, looked for in the database file at the end. */
const issued: string[] = [];
let closed = false;
const appWith = (options: Partial<ServerOptions> = {}) =>
  createApp({ store, registry, accounts: store.accounts, options: { log: (l) => logs.push(l), rateLimitPerMinute: 0, cacheTtlMs: 0, ...options } });
let app: ReturnType<typeof appWith>;
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
const login = (a: typeof app, name: string, password: string, address = '10.0.0.1') =>
  a.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }) }, from(address));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-auth-'));
  store = await duckdbStore(join(dir, 'auth.duckdb'));
  await store.write([...publicFixtures(), ...hiddenFixtures()], { by: 'test' });
  await addTestUsers(store.accounts);
  app = appWith();
});
afterAll(async () => {
  if (!closed) await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie (Secure over https) and returns the CSRF token', async () => {
    const res = await login(app, 'Editor', testPassword);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sitrep_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    const me = (await res.json()) as { user: { name: string; role: string }; csrfToken: string; rights: { edit: boolean } };
    expect(me.user).toMatchObject({ name: 'editor', role: 'editor' });
    expect(me.rights.edit).toBe(true);
    expect(me.csrfToken).toMatch(/^[\w-]{40,}$/);
    const secure = await app.request('https://sitrep.example/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'editor', password: testPassword }) });
    expect(secure.headers.get('set-cookie')).toContain('Secure');
  });

  it('answers every failure the same, audits it with the reason, and never echoes the password', async () => {
    const wrong = await login(app, 'editor', 'not-the-password-1', '10.0.0.2');
    const unknown = await login(app, 'nobody', 'not-the-password-2', '10.0.0.2');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const [a, b] = [await wrong.json(), await unknown.json()] as { error: { message: string } }[];
    expect(a!.error.message).toBe(b!.error.message);
    const log = await store.accounts.auditLog(10);
    expect(log.filter((e) => e.action === 'login_failed').slice(0, 2).map((e) => [e.target, e.detail, e.address])).toEqual([
      ['nobody', 'unknown_user', '10.0.0.2'],
      ['editor', 'wrong_password', '10.0.0.2'],
    ]);
    expect(JSON.stringify(log)).not.toContain('not-the-password');
  });

  it('throttles failed sign-ins per account and per address with 429 and Retry-After', async () => {
    const limited = appWith({ loginLimits: { perAccount: 3, perAddress: 5, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect((await login(limited, 'viewer', `wrong-password-${i}`, `10.1.0.${i}`)).status).toBe(401);
    // The right password does not get through once the account is throttled, from any address.
    const blocked = await login(limited, 'viewer', testPassword, '10.1.0.9');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) await login(limited, `user${i}`, 'wrong-password', '10.2.0.1');
    expect((await login(limited, 'admin', testPassword, '10.2.0.1')).status).toBe(429);
    expect((await login(limited, 'admin', testPassword, '10.2.0.2')).status).toBe(200);
  });

  it('holds the limit against guesses sent all at once: each is counted before its password is checked', async () => {
    const limited = appWith({ loginLimits: { perAccount: 3, perAddress: 50, windowMs: 60_000 } });
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => login(limited, 'reviewer', i === 11 ? testPassword : `wrong-password-${i}`, `10.3.0.${i}`)));
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s !== 429)).toHaveLength(3);
    expect(statuses[11]).toBe(429);
  });

  it('signs out: the session stops working', async () => {
    const editor = await signIn(app, 'editor');
    expect((await editor.request('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    const me = (await (await editor.request('/api/auth/me')).json()) as { user: unknown };
    expect(me.user).toBeNull();
  });
});

describe('CSRF', () => {
  it('refuses a write made with the session cookie but without the token (403), and accepts it with the token', async () => {
    const editor = await signIn(app, 'editor');
    const body = { json: { name: 'notebook', scope: 'read' } };
    const without = await editor.request('/api/auth/tokens', { method: 'POST', ...body, csrf: false });
    expect(without.status).toBe(403);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    const forged = await editor.request('/api/auth/tokens', { method: 'POST', ...body, csrf: false, headers: { 'X-CSRF-Token': 'guessed' } });
    expect(forged.status).toBe(403);
    expect((await editor.request('/api/auth/tokens', { method: 'POST', ...body })).status).toBe(201);
  });
});

describe('API tokens', () => {
  it('shows a token once, stores only its SHA-256, reads with its scope and stops at revocation', async () => {
    const reviewer = await signIn(app, 'reviewer');
    const created = await reviewer.request('/api/auth/tokens', { method: 'POST', json: { name: 'nightly', scope: 'read' } });
    const { token, info } = (await created.json()) as { token: string; info: { id: string; scope: string } };
    expect(token).toMatch(/^sitrep_[\w-]{40,}$/);
    const listed = await (await reviewer.request('/api/auth/tokens')).text();
    expect(listed).toContain(info.id);
    expect(listed).not.toContain(token);

    const script = tokenClient(app, token);
    const drafts = (await (await script.request('/api/records?status=draft')).json()) as { total: number };
    expect(drafts.total).toBe(1);
    // A read token cannot write, and tokens cannot mint tokens.
    expect((await script.request('/api/auth/tokens', { method: 'POST', json: { name: 'x', scope: 'write' } })).status).toBe(403);

    expect((await reviewer.request(`/api/auth/tokens/${info.id}`, { method: 'DELETE' })).status).toBe(204);
    const revoked = await script.request('/api/records');
    expect(revoked.status).toBe(401);
    expect((await tokenClient(app, 'sitrep_made-up').request('/api/records')).status).toBe(401);
    issued.push(token);
  });
});

describe('roles decide what is read', () => {
  const total = async (client: { request(u: string): Promise<Response> }, url: string) => ((await (await client.request(url)).json()) as { total: number }).total;

  it('anonymous: published + public; viewer: internal too but no drafts; editor, reviewer, admin: everything', async () => {
    const all = '/api/records?limit=1';
    const n = publicFixtures().length;
    expect(await total(anonymousClient(app), all)).toBe(n);
    expect(await total(await signIn(app, 'viewer'), all)).toBe(n + 1);
    expect(await total(await signIn(app, 'viewer'), '/api/records?status=draft')).toBe(0);
    for (const name of ['editor', 'reviewer', 'admin']) expect(await total(await signIn(app, name), all), name).toBe(n + 2);
  });

  it('a disabled user is signed out everywhere at once', async () => {
    const viewer = await signIn(app, 'viewer');
    const admin = await signIn(app, 'admin');
    expect((await admin.request('/api/users/viewer', { method: 'PATCH', json: { disabled: true } })).status).toBe(200);
    expect(((await (await viewer.request('/api/auth/me')).json()) as { user: unknown }).user).toBeNull();
    expect((await login(app, 'viewer', testPassword)).status).toBe(401);
    expect((await admin.request('/api/users/viewer', { method: 'PATCH', json: { disabled: false } })).status).toBe(200);
    const audit = (await (await admin.request('/api/audit?limit=5')).json()) as { entries: { action: string; actor: string }[] };
    const adminActions = audit.entries.filter((e) => e.action !== 'login_failed' && e.action !== 'login');
    expect(adminActions.slice(0, 2).map((e) => [e.action, e.actor])).toEqual([['user_enabled', 'admin'], ['user_disabled', 'admin']]);
    expect(audit.entries.some((e) => e.action === 'login_failed')).toBe(true);
    expect((await viewer.request('/api/users')).status).toBe(401);
    expect((await (await signIn(app, 'editor')).request('/api/users')).status).toBe(403);
  });
});

describe('secrets stay secret', () => {
  it('never logs or returns a password, and stores only argon2id hashes', async () => {
    const admin = await signIn(app, 'admin');
    const secret = 'a-very-distinctive-password-42';
    const added = await admin.request('/api/users', { method: 'POST', json: { name: 'newcomer', role: 'viewer', password: secret } });
    expect(added.status).toBe(201);
    const answers = [await added.text(), await (await admin.request('/api/users')).text(), await (await login(app, 'newcomer', secret)).text()];
    await login(app, 'newcomer', `${secret}-wrong`);
    const everything = [...answers, JSON.stringify(logs), JSON.stringify(await store.accounts.auditLog(1000))].join('\n');
    expect(everything).not.toContain(secret);
    expect(logs.length).toBeGreaterThan(10);
    const stored = await store.accounts.findUser('newcomer');
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
  });
});

describe('the database file', () => {
  it('holds SHA-256 hashes of session ids and tokens, never the secrets themselves', async () => {
    const editor = await signIn(app, 'editor');
    const sessionId = editor.cookie.split('=')[1]!;
    await store.close();
    closed = true;
    const instance = await DuckDBInstance.create(join(dir, 'auth.duckdb'));
    const c = await instance.connect();
    const dump = async (table: string) => JSON.stringify((await c.runAndReadAll(`SELECT * FROM ${table}`)).getRowObjectsJson());
    const text = (await Promise.all(['users', 'sessions', 'api_tokens', 'audit_log'].map(dump))).join('\n');
    c.closeSync();
    instance.closeSync();
    expect(issued.length).toBeGreaterThan(0);
    for (const token of issued) {
      expect(text).not.toContain(token);
      expect(text).toContain(sha256(token));
    }
    expect(text).not.toContain(sessionId);
    expect(text).toContain(sha256(sessionId));
    expect(text).not.toContain(testPassword);
  });
});
