/**
 * Who may see what. This middleware sets `c.var.scope` before any handler runs, and handlers pass exactly that
 * to the store, which intersects every status/visibility filter with it. Authentication replaces `resolveScope`
 * only: no handler ever names a scope itself. Answers depend on who asks, so no shared cache (a proxy in front of
 * the server) may hand one caller's answer to another.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { publicScope, readsBeyondPublic, type AccessScope } from '../../core/filter.ts';
import type { AppEnv } from '../context.ts';

/** Anonymous callers, which is every caller until there is authentication: published, public records only. */
export const anonymousScope = (_c: Context): AccessScope => publicScope;

/** Sets `c.var.scope` from `resolveScope(c)`. */
export function scopeMiddleware(resolveScope: (c: Context) => AccessScope | Promise<AccessScope>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const scope = await resolveScope(c);
    c.set('scope', scope);
    await next();
    c.header('Vary', 'Cookie, Authorization', { append: true });
    // An answer that may hold drafts or internal records is never stored by any cache.
    if (!c.res.headers.has('Cache-Control') && readsBeyondPublic(scope)) {
      c.header('Cache-Control', 'private, no-store');
    }
  };
}
