/**
 * Who may see what. This middleware sets `c.var.scope` before any handler runs, and handlers pass exactly that
 * to the store, which intersects every status/visibility filter with it. Authentication (the curation issue)
 * will replace `resolveScope` only: no handler changes, and no handler ever names a scope itself.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { publicScope, type AccessScope } from '../../core/filter.ts';
import type { AppEnv } from '../context.ts';

/** Anonymous callers, which is every caller until there is authentication: published, public records only. */
export const anonymousScope = (_c: Context): AccessScope => publicScope;

/** Sets `c.var.scope` from `resolveScope(c)`. */
export function scopeMiddleware(resolveScope: (c: Context) => AccessScope | Promise<AccessScope>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('scope', await resolveScope(c));
    await next();
  };
}
