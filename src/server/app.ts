/**
 * The HTTP application: the API under `/api` (records, facets, timeline, map, stats, export, actors, datasets,
 * the OpenAPI document and its documentation page) and the web app's build at `/`. It receives a store and a
 * registry and builds neither, so tests run it in-process with `app.request()` and `sitrep serve` runs it on
 * a socket.
 *
 * @example
 * const app = createApp({ store: await duckdbStore(':memory:'), registry });
 * const res = await app.request('/api/records?actor=ISIS-K&limit=10');
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { AppEnv, ServerDeps, ServerOptions } from './context.ts';
import { filterParams } from '../core/filter.ts';
import { ApiError, bodyError, errorResponse, notFound, toApiError, validationError } from './errors.ts';
import { requestContext, stderrLog } from './middleware/request-context.ts';
import { rateLimit, socketAddress } from './middleware/rate-limit.ts';
import { scopeMiddleware } from './middleware/scope.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { actorRoutes } from './routes/actors.ts';
import { aggregateRoutes } from './routes/aggregates.ts';
import { datasetRoutes } from './routes/datasets.ts';
import { docRoutes } from './routes/docs.ts';
import { exportRoutes } from './routes/export.ts';
import { mapRoutes } from './routes/map.ts';
import { recordRoutes } from './routes/records.ts';
import { cachedStore } from './cached-store.ts';
import { timedStore } from './timed-store.ts';
import { withSignal } from './cancellation.ts';
import { webApp } from './web-app.ts';
import { accountService } from './auth/account-service.ts';
import { authenticate, scopeOfCaller } from './auth/authenticate.ts';
import { defaultLoginLimits } from './auth/login-limiter.ts';
import { authRoutes } from './routes/auth.ts';
import { userRoutes } from './routes/users.ts';
import { recordWriteRoutes } from './routes/record-writes.ts';
import { workflowRoutes } from './routes/workflow.ts';
import { historyRoutes } from './routes/history.ts';
import { placeRoutes } from './routes/places.ts';
import { importRoutes, importsPath } from './routes/imports.ts';
import type { MiddlewareHandler } from 'hono';

/** `middleware` for every path but `path`. */
const except =
  (path: string, middleware: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> =>
  (c, next) =>
    c.req.path === path ? next() : middleware(c, next);

/** The defaults of every option; `sitrep serve` overrides them from settings. */
export const defaultServerOptions: ServerOptions = {
  webRoot: null,
  queryTimeoutMs: 15_000,
  cacheTtlMs: 30_000,
  rateLimitPerMinute: 600,
  corsOrigins: [],
  maxBodyBytes: 1024 * 1024,
  maxImportBytes: 4 * 1024 ** 3,
  log: stderrLog,
  resolveScope: scopeOfCaller,
  clientAddress: socketAddress,
  today: () => new Date().toISOString().slice(0, 10),
  requireDistinctReviewer: false,
  sessionTtlMs: 7 * 24 * 3600_000,
  secureCookies: 'auto',
  loginLimits: defaultLoginLimits,
};

/** Builds the application around `store` and `registry`. */
export function createApp({ store, registry, accounts, places, importer, options = {} }: ServerDeps & { options?: Partial<ServerOptions> & { version?: string } }) {
  const opts: ServerOptions = { ...defaultServerOptions, ...options };
  const service = accounts ? accountService(accounts, { sessionTtlMs: opts.sessionTtlMs }) : undefined;
  const app = new OpenAPIHono<AppEnv>({
    // Request validation failures become 400s in the filter language's wording.
    defaultHook: (result, c) => {
      if (result.success) return;
      // A JSON body names its fields; query parameters are worded in the filter language.
      if (result.target === 'json') return errorResponse(c, bodyError(result.error.issues));
      return errorResponse(c, validationError(result.error.issues, (p) => c.req.queries(p) ?? []));
    },
  });
  app.onError((err, c) => errorResponse(c, toApiError(err, c, opts.log)));
  app.notFound(notFound);

  app.use('*', requestContext(opts.log), securityHeaders());
  if (opts.corsOrigins.length) {
    app.use('/api/*', cors({ origin: opts.corsOrigins, allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['X-Request-Id', 'Content-Disposition', 'Retry-After'], maxAge: 600 }));
  }
  app.use(
    '/api/*',
    // Store reads started by the request stop when its client goes away (cancellation.ts).
    (c, next) => withSignal(c.req.raw.signal, next),
    rateLimit(opts.rateLimitPerMinute, opts.clientAddress),
    // A file sent for import has a limit of its own (imports.ts).
    except(
      importsPath,
      bodyLimit({
        maxSize: opts.maxBodyBytes,
        onError: (c) => errorResponse(c, new ApiError(413, 'payload_too_large', `the request body is larger than ${opts.maxBodyBytes} bytes`)),
      }),
    ),
    authenticate(service, opts),
    scopeMiddleware(opts.resolveScope),
  );

  // The timeout wraps the cache: a slow shared query answers 503 to each waiting caller, and stops once none waits.
  const deps = { store: timedStore(cachedStore(store, { ttlMs: opts.cacheTtlMs }), opts.queryTimeoutMs), registry, options: opts, accounts: service, places, importer };
  const routeSets = [recordRoutes, aggregateRoutes, mapRoutes, exportRoutes, actorRoutes, datasetRoutes, authRoutes, userRoutes, recordWriteRoutes, workflowRoutes, historyRoutes, placeRoutes, importRoutes];
  for (const routes of routeSets) app.route('/api', routes(deps));

  const docs = docRoutes(new OpenAPIHono<AppEnv>(), () =>
    app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Sitrep API',
        version: options.version ?? '0.0.0',
        description:
          'Militant and terrorist group activity: records, facets, timeline, map aggregation and streamed export. ' +
          `Every endpoint takes the same filter parameters (${filterParams.join(', ')}), ` +
          'lists repeatable or comma-separated; not_… leaves values out, descendants=false keeps an actor\'s branches out. Anonymous callers see published, public records only. Errors have one shape: { error: { code, message, param?, hint? }, requestId }.',
      },
    }),
  );
  app.route('/api', docs);

  app.on(['GET', 'HEAD'], '*', webApp(opts.webRoot));
  return app;
}

/** The application type, for callers that hold one. */
export type SitrepApp = ReturnType<typeof createApp>;
