/**
 * For tests: sign in to an app in-process and make requests as that user, the way the web app does — the
 * session cookie on every request and the CSRF token on every write.
 *
 * @example
 * const alice = await signIn(app, 'alice', 'correct horse battery');
 * const res = await alice.request('/api/records', { method: 'POST', json: { record } });
 */
import type { AccountStore } from '../../core/account-store.ts';
import type { Role } from '../../core/roles.ts';
import { accountService } from './account-service.ts';

/** Anything with Hono's `request` (an app). */
export interface RequestTarget {
  request(input: string, init?: RequestInit, env?: unknown): Response | Promise<Response>;
}

export interface TestClient {
  /** The user's name, or `anonymous`. */
  name: string;
  /** A request as this user; `json` is sent as the body with its content type; the CSRF header is added to writes. */
  request(url: string, init?: RequestInit & { json?: unknown; csrf?: boolean }): Promise<Response>;
}

/** The password every test user gets. */
export const testPassword = 'correct horse battery staple';

/** Adds one user per role (`admin`, `editor`, `editor2`, `reviewer`, `viewer`), all with `testPassword`. */
export async function addTestUsers(accounts: AccountStore, extra: [string, Role][] = []): Promise<void> {
  const service = accountService(accounts);
  const users: [string, Role][] = [['admin', 'admin'], ['editor', 'editor'], ['editor2', 'editor'], ['reviewer', 'reviewer'], ['viewer', 'viewer'], ...extra];
  for (const [name, role] of users) {
    if (!(await accounts.findUser(name))) await service.addUser(name, role, testPassword, { actor: 'test' });
  }
}

function client(app: RequestTarget, name: string, headers: Record<string, string>, csrfToken: string | null): TestClient {
  return {
    name,
    async request(url, init = {}) {
      const { json, csrf = true, ...rest } = init;
      const h = new Headers(rest.headers);
      for (const [k, v] of Object.entries(headers)) h.set(k, v);
      const method = (rest.method ?? 'GET').toUpperCase();
      if (csrf && csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(method)) h.set('X-CSRF-Token', csrfToken);
      if (json !== undefined) h.set('Content-Type', 'application/json');
      return app.request(url, { ...rest, headers: h, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
    },
  };
}

/** A client with no credentials. */
export function anonymousClient(app: RequestTarget): TestClient {
  return client(app, 'anonymous', {}, null);
}

/** Signs in through `POST /api/auth/login`; throws when that fails. */
export async function signIn(app: RequestTarget, name: string, password = testPassword): Promise<TestClient & { csrfToken: string; cookie: string }> {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${name} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { ...client(app, name, { Cookie: cookie }, csrfToken), csrfToken, cookie };
}

/** A client that sends `Authorization: Bearer <token>`. */
export function tokenClient(app: RequestTarget, token: string): TestClient {
  return client(app, 'token', { Authorization: `Bearer ${token}` }, null);
}
