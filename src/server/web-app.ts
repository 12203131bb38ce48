/**
 * Serves the built web app (`web/dist`): files with their content types, hashed assets cached for a year,
 * and `index.html` for any other path so the app's client-side routes load. Without a build, `/` says how to
 * make one. Paths are confined to the build directory.
 */
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Context, Handler } from 'hono';
import type { AppEnv } from './context.ts';
import { notFound } from './errors.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.ttf': 'font/ttf', '.otf': 'font/otf', '.pbf': 'application/x-protobuf', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.xml': 'application/xml', '.webmanifest': 'application/manifest+json',
};

const notBuilt = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sitrep</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}code{background:#eee;padding:0 .3em}</style>
</head><body>
<h1>Sitrep is running</h1>
<p>The web app is not built yet, so there is no map to show. Build it from the project directory (the web app's build
writes <code>web/dist</code>; see the README), then reload this page.</p>
<p>The API works already: <a href="/api/records">/api/records</a>, and its documentation is at <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`;

/** The handler for every non-API GET/HEAD; `webRoot` is the build directory or null. */
export function webApp(webRoot: string | null): Handler<AppEnv> {
  const root = webRoot ? resolve(webRoot) : null;
  return async (c) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return notFound(c);
    // Checked per request so a build made while the server runs is picked up.
    if (!root || !existsSync(join(root, 'index.html'))) {
      return c.req.path === '/' || !extname(c.req.path) ? c.html(notBuilt, c.req.path === '/' ? 200 : 404) : notFound(c);
    }
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return notFound(c);
    }
    const file = resolve(root, '.' + path);
    if (path.includes('\0') || (file !== root && !file.startsWith(root + sep))) return notFound(c);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return sendFile(c, file, info.size, path.startsWith('/assets/'));
    // A missing file is a 404; any other path is a route of the app itself.
    if (extname(path)) return notFound(c);
    const index = join(root, 'index.html');
    return sendFile(c, index, (await stat(index)).size, false);
  };
}

function sendFile(c: Context<AppEnv>, file: string, size: number, immutable: boolean): Response {
  c.header('Content-Type', types[extname(file).toLowerCase()] ?? 'application/octet-stream');
  c.header('Content-Length', String(size));
  // Vite puts content-hashed files under assets/: they never change. Everything else is revalidated.
  c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (c.req.method === 'HEAD') return c.body(null, 200);
  return c.body(Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, 200);
}
