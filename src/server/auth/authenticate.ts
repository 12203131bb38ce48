/**
 * Who is calling. Scripts send `Authorization: Bearer sitrep_…` (an API token); the web app carries a session
 * cookie (HttpOnly, SameSite=Strict, Secure over https) and echoes its session's CSRF token in `X-CSRF-Token` on
 * every request that is not a GET, HEAD or OPTIONS — a cross-site page can make the browser send the cookie but
 * cannot read the token, so a forged write is refused with 403 before any handler runs.
 *
 * The middleware sets `c.var.caller`; the scope resolver (`scopeOfCaller`) turns the caller's role into the
 * records they may read, and `requireRight` guards what they may do.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { may, scopeForRole, type Action } from '../../core/roles.ts';
import type { AccessScope } from '../../core/filter.ts';
import type { AppEnv, Caller, ServerOptions } from '../context.ts';
import { ApiError } from '../errors.ts';
import type { AccountService } from './account-service.ts';
import { sameSecret } from './secrets.ts';

/** The session cookie's name. */
export const sessionCookie = 'sitrep_session';
/** The header the web app echoes the session's CSRF token in. */
export const csrfHeader = 'X-CSRF-Token';

const anonymous: Caller = Object.freeze({ user: null, via: null, canWrite: false, csrfToken: null });
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The authentication middleware; with no account service every caller is anonymous and tokens are refused. */
export function authenticate(accounts: AccountService | undefined, options: Pick<ServerOptions, 'secureCookies'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const found = m && accounts ? await accounts.token(m[1]!) : undefined;
      // A script that sent a token wants to know it failed, rather than quietly reading as anonymous.
      if (!found) throw new ApiError(401, 'unauthorized', 'the API token is not valid (unknown, revoked, or its user is disabled)', 'Authorization', 'send `Authorization: Bearer <token>` with a live token; create one in the web app or with POST /api/auth/tokens');
      c.set('caller', { user: found.user, via: 'token', canWrite: found.token.scope === 'write', csrfToken: null });
      return next();
    }
    const sessionId = getCookie(c, sessionCookie);
    const found = sessionId && accounts ? await accounts.session(sessionId) : undefined;
    if (!found) {
      // An expired or ended session's cookie is dropped, so the browser stops sending it.
      if (sessionId) deleteCookie(c, sessionCookie, cookieOptions(c, options));
      c.set('caller', anonymous);
      return next();
    }
    if (!safeMethods.has(c.req.method)) {
      const sent = c.req.header(csrfHeader) ?? '';
      if (!sent || !sameSecret(sent, found.session.csrfToken)) {
        throw new ApiError(403, 'csrf_failed', 'this request is missing the session\'s CSRF token', csrfHeader, `send the csrfToken of GET /api/auth/me in the ${csrfHeader} header`);
      }
    }
    c.set('caller', { user: found.user, via: 'session', canWrite: true, csrfToken: found.session.csrfToken });
    return next();
  };
}

/** The default scope resolver once there are accounts: the caller's role decides (anonymous: published, public). */
export function scopeOfCaller(c: Context): AccessScope {
  const caller = (c as Context<AppEnv>).var.caller;
  return scopeForRole(caller?.user?.role);
}

/** The cookie attributes: HttpOnly, SameSite=Strict, path /, Secure over https (or always, by setting). */
export function cookieOptions(c: Context, options: Pick<ServerOptions, 'secureCookies'>) {
  const secure = options.secureCookies === 'always' || new URL(c.req.url).protocol === 'https:';
  return { httpOnly: true, sameSite: 'Strict' as const, path: '/', secure };
}

/** Sets the session cookie for `sessionId`, expiring with the session. */
export function setSessionCookie(c: Context, sessionId: string, expiresAt: string, options: Pick<ServerOptions, 'secureCookies'>): void {
  setCookie(c, sessionCookie, sessionId, { ...cookieOptions(c, options), expires: new Date(expiresAt) });
}

/** Removes the session cookie. */
export function clearSessionCookie(c: Context, options: Pick<ServerOptions, 'secureCookies'>): void {
  deleteCookie(c, sessionCookie, cookieOptions(c, options));
}

/**
 * The signed-in user, who must be allowed `action` (and, for a write, hold a session or a write token).
 * @throws ApiError 401 for anonymous callers, 403 for a role or token that may not.
 */
export function requireRight(c: Context<AppEnv>, action: Action | 'read', write = action !== 'read') {
  const caller = c.var.caller;
  if (!caller?.user) throw new ApiError(401, 'unauthorized', 'sign in first', undefined, 'POST /api/auth/login, or send an API token as `Authorization: Bearer <token>`');
  if (write && !caller.canWrite) throw new ApiError(403, 'forbidden', 'this API token may only read', 'Authorization', 'create a token with scope write');
  if (action !== 'read' && !may(caller.user.role, action)) {
    throw new ApiError(403, 'forbidden', `${withArticle(caller.user.role)} may not do this`, undefined, 'ask an administrator for another role');
  }
  return caller.user;
}

/** `an editor`, `a reviewer`. */
export const withArticle = (role: string) => `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
