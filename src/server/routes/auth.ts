/**
 * Signing in and out, who am I, and API tokens:
 * `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`, `GET|POST /api/auth/tokens`,
 * `DELETE /api/auth/tokens/{id}`. Sign-in failures all answer the same 401 (the reason goes to the audit log
 * only) and are throttled per address and per account name.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { checkTransition, may, nextStatuses, scopeForRole, tokenScopes } from '../../core/roles.ts';
import { statuses } from '../../core/record.ts';
import type { AppEnv, RouteDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { ErrorSchema, errorResponses } from '../schemas.ts';
import { clearSessionCookie, requireRight, setSessionCookie, sessionCookie } from '../auth/authenticate.ts';
import { loginLimiter } from '../auth/login-limiter.ts';

const json = <T extends z.ZodType>(schema: T, description = 'JSON body') => ({ content: { 'application/json': { schema } }, required: true, description });
const ok = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const authErrors = {
  401: ok(ErrorSchema, 'Not signed in, or the sign-in failed'),
  403: ok(ErrorSchema, 'Signed in, but not allowed (or the CSRF token is missing)'),
  ...errorResponses,
} as const;

export const UserSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(['admin', 'editor', 'reviewer', 'viewer']), disabled: z.boolean(), createdAt: z.string(), passwordChangedAt: z.string() }).openapi('User');
const TokenSchema = z.object({ id: z.string(), userId: z.string(), userName: z.string(), name: z.string(), scope: z.enum(tokenScopes), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() }).openapi('ApiToken');
const MeSchema = z.object({
  user: UserSchema.nullable(),
  via: z.enum(['session', 'token']).nullable(),
  csrfToken: z.string().nullable().openapi({ description: 'echo it in X-CSRF-Token on every write made with the session cookie' }),
  canWrite: z.boolean(),
  rights: z.object({ edit: z.boolean(), publish: z.boolean(), import: z.boolean(), manageUsers: z.boolean(), readAudit: z.boolean() }),
  scope: z.object({ statuses: z.array(z.string()), visibilities: z.array(z.string()) }).openapi({ description: 'the records this caller reads' }),
  moves: z.record(z.string(), z.array(z.string())).openapi({ description: 'for each status, the statuses this caller may move a record to' }),
});

const loginRoute = createRoute({
  method: 'post', path: '/auth/login', tags: ['auth'], summary: 'Sign in: sets the session cookie and returns the CSRF token',
  request: { body: json(z.object({ name: z.string().min(1, 'expected a user name').max(200), password: z.string().min(1, 'expected a password').max(1000) })) },
  responses: { 200: ok(MeSchema, 'Signed in'), ...authErrors },
});
const logoutRoute = createRoute({ method: 'post', path: '/auth/logout', tags: ['auth'], summary: 'Sign out: ends the session', responses: { 204: { description: 'Signed out' }, ...authErrors } });
const meRoute = createRoute({ method: 'get', path: '/auth/me', tags: ['auth'], summary: 'Who the caller is, what they may do and read', responses: { 200: ok(MeSchema, 'The caller'), ...errorResponses } });
const listTokensRoute = createRoute({
  method: 'get', path: '/auth/tokens', tags: ['auth'], summary: "The caller's API tokens (all tokens for an admin with all=true)",
  request: { query: z.object({ all: z.enum(['true', 'false']).optional() }) },
  responses: { 200: ok(z.object({ tokens: z.array(TokenSchema) }), 'Tokens, newest first; never the token itself'), ...authErrors },
});
const createTokenRoute = createRoute({
  method: 'post', path: '/auth/tokens', tags: ['auth'], summary: 'Create an API token (shown once, stored hashed)',
  request: { body: json(z.object({ name: z.string().min(1, 'expected a name saying what the token is for').max(100), scope: z.enum(tokenScopes, { error: 'read or write' }) })) },
  responses: { 201: ok(z.object({ token: z.string().openapi({ description: 'send as Authorization: Bearer <token>; it is not shown again' }), info: TokenSchema }), 'The token'), ...authErrors },
});
const revokeTokenRoute = createRoute({
  method: 'delete', path: '/auth/tokens/{id}', tags: ['auth'], summary: 'Revoke an API token',
  request: { params: z.object({ id: z.string().min(1).max(100) }) },
  responses: { 204: { description: 'Revoked' }, 404: ok(ErrorSchema, 'No such live token of the caller'), ...authErrors },
});

/** Registers the sign-in and token routes. */
export function authRoutes({ accounts, options }: RouteDeps) {
  const api = new OpenAPIHono<AppEnv>();
  const limiter = loginLimiter(options.loginLimits);
  const service = () => {
    if (!accounts) throw new ApiError(400, 'unsupported', 'this server has no accounts', undefined, 'start it with `sitrep serve` on a store file');
    return accounts;
  };
  const me = (c: Context<AppEnv>) => {
    const { user, via, csrfToken, canWrite } = c.var.caller;
    const role = user?.role;
    return {
      user, via, csrfToken, canWrite,
      rights: { edit: may(role, 'edit'), publish: may(role, 'publish'), import: may(role, 'import'), manageUsers: may(role, 'manage_users'), readAudit: may(role, 'read_audit') },
      scope: { statuses: [...scopeForRole(role).statuses], visibilities: [...scopeForRole(role).visibilities] },
      moves: Object.fromEntries(statuses.map((from) => [from, nextStatuses(from).filter((to) => checkTransition(role, from, to) === 'ok')])),
    };
  };

  api.openapi(loginRoute, async (c) => {
    const { name, password } = c.req.valid('json');
    const address = options.clientAddress(c);
    const wait = limiter.retryAfter(address, name);
    if (wait) throw new ApiError(429, 'rate_limited', 'too many failed sign-ins from this address or for this account', undefined, `retry after ${wait} s`, { 'Retry-After': String(wait) });
    // Counted as failed before the password is checked (a slow hash): sign-ins sent at once each see the others,
    // so the limit holds against a burst too. A success takes its attempt back.
    limiter.failed(address, name);
    const result = await service().login(name, password, address);
    if (!result.ok) throw new ApiError(401, 'unauthorized', 'wrong user name or password (or the account is disabled)');
    limiter.succeeded(address, name);
    setSessionCookie(c, result.sessionId, result.session.expiresAt, options);
    c.set('caller', { user: result.user, via: 'session', canWrite: true, csrfToken: result.session.csrfToken });
    return c.json(me(c), 200);
  });

  api.openapi(logoutRoute, async (c) => {
    const sessionId = getCookie(c, sessionCookie);
    if (sessionId && accounts) await accounts.logout(sessionId);
    clearSessionCookie(c, options);
    return c.body(null, 204);
  });

  api.openapi(meRoute, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(me(c), 200);
  });

  api.openapi(listTokensRoute, async (c) => {
    const user = requireRight(c, 'read');
    const all = c.req.valid('query').all === 'true';
    if (all && !may(user.role, 'manage_users')) throw new ApiError(403, 'forbidden', 'only an admin may list every token', 'all');
    return c.json({ tokens: await service().listTokens(all ? undefined : user.id) }, 200);
  });

  api.openapi(createTokenRoute, async (c) => {
    const user = requireRight(c, 'read', true);
    // A token may not mint tokens: a leaked one must not be able to outlive its own revocation.
    if (c.var.caller.via !== 'session') throw new ApiError(403, 'forbidden', 'tokens are created from a signed-in session, not with another token');
    const { name, scope } = c.req.valid('json');
    const created = await service().createToken(user, name, scope, { actor: user.name, address: options.clientAddress(c) });
    c.header('Cache-Control', 'no-store');
    return c.json(created, 201);
  });

  api.openapi(revokeTokenRoute, async (c) => {
    const user = requireRight(c, 'read', true);
    const { id } = c.req.valid('param');
    const mine = (await service().listTokens(user.id)).some((t) => t.id === id);
    if (!mine && !may(user.role, 'manage_users')) throw new ApiError(404, 'not_found', `no token ${JSON.stringify(id)} of yours`, 'id');
    if (!(await service().revokeToken(id, { actor: user.name, address: options.clientAddress(c) }))) throw new ApiError(404, 'not_found', `no live token ${JSON.stringify(id)}`, 'id');
    return c.body(null, 204);
  });

  return api;
}
