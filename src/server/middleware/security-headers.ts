/**
 * Security headers on every response. Scripts, styles, images, fonts and API calls come from this origin only
 * (nothing from a CDN); styles may be inline (Swagger UI and MapLibre set them); images may be data: URLs and
 * workers blob: URLs (MapLibre builds its workers from blobs). Nothing may frame the app except the embed views
 * (`/embed…` and `/?embed=1`), which exist to be framed by other sites.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';

const policy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** True for the views that other sites may embed in a frame. */
export function isEmbedRequest(path: string, query: URLSearchParams): boolean {
  return path === '/' && query.get('embed') === '1';
}

/** Sets CSP, nosniff, referrer and framing headers. */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  const framed = [...policy, 'frame-ancestors *'].join('; ');
  const unframed = [...policy, "frame-ancestors 'none'"].join('; ');
  return async (c, next) => {
    await next();
    const embed = isEmbedRequest(c.req.path, new URL(c.req.url).searchParams);
    c.header('Content-Security-Policy', embed ? framed : unframed);
    if (!embed) c.header('X-Frame-Options', 'DENY');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', embed ? 'cross-origin' : 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  };
}
