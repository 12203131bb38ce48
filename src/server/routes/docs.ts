/**
 * `/api/openapi.json` (generated from the route schemas that validate requests) and `/api/docs`, an offline
 * documentation page: Swagger UI's files are served from node_modules by this server, never from a CDN, and
 * the page has no inline script so the strict CSP holds.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.ts';
import { notFound } from '../errors.ts';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The Swagger UI files the page uses, with their types; nothing else under node_modules is reachable. */
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sitrep API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/sitrep-docs.js"></script>
</body>
</html>
`;

const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });\n`;

/** Registers the document and the documentation page on `api` (mounted at /api) and returns it. */
export function docRoutes(api: OpenAPIHono<AppEnv>, document: () => unknown) {
  // The document is generated once, on first request: the routes do not change while the server runs.
  let cached: string | undefined;
  api.get('/openapi.json', (c) => {
    cached ??= JSON.stringify(document());
    return c.body(cached, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  api.get('/docs', (c) => c.html(page));
  api.get('/docs/sitrep-docs.js', (c) => c.body(init, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  api.get('/docs/:file', async (c) => {
    const file = c.req.param('file');
    const type = assets[file];
    if (!type) return notFound(c);
    const body = await readFile(join(swaggerDir, file));
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
  });
  return api;
}
