/**
 * What the server is given and what every request carries. The server never builds a store or reads settings:
 * the CLI (`sitrep serve`) or a test passes them in through `createApp`.
 */
import type { Context } from 'hono';
import type { ActorRegistry } from '../core/actor-registry.ts';
import type { EventStore } from '../core/event-store.ts';
import type { AccessScope } from '../core/filter.ts';

/** One structured log line (written as JSON to stderr by default). */
export type LogLine = Record<string, unknown> & { level: 'info' | 'warn' | 'error' };

export interface ServerOptions {
  /** Directory of the built web app (`web/dist`); null or missing: `/` explains how to build it. */
  webRoot: string | null;
  /** A store call slower than this answers 503 `query_timeout`. Default 15 s. */
  queryTimeoutMs: number;
  /**
   * How long identical aggregate questions share one answer (see `cached-store.ts`); writes through the
   * server clear it. 0 disables. Default 30 s.
   */
  cacheTtlMs: number;
  /** Requests per minute per client address (token bucket, bursts up to the same number); 0 disables. Default 600. */
  rateLimitPerMinute: number;
  /** Origins allowed to call the API from a browser; empty (the default) sends no CORS headers at all. */
  corsOrigins: string[];
  /** Request bodies larger than this are refused with 413. Default 1 MiB. */
  maxBodyBytes: number;
  /** Where log lines go. Default: one JSON line each on stderr. */
  log: (line: LogLine) => void;
  /**
   * Who may see what, decided per request. Anonymous callers see published, public records only; the
   * authentication layer (curation issue) replaces this function and nothing else.
   */
  resolveScope: (c: Context) => AccessScope | Promise<AccessScope>;
  /** The client address for rate limiting; default: the socket's remote address (never a forwarded header). */
  clientAddress: (c: Context) => string;
  /** Today's date `YYYY-MM-DD`, for export file names (the clock is passed in so tests are stable). */
  today: () => string;
}

/** What `createApp` receives. */
export interface ServerDeps {
  store: EventStore;
  registry: ActorRegistry;
  options?: Partial<ServerOptions>;
}

/** The per-request variables middleware sets and handlers read (`c.var.scope`, `c.var.requestId`). */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Set by the scope middleware before any handler runs; every store call passes it on. */
    scope: AccessScope;
  };
}

/** What each route module receives: the store (with the query timeout applied), the registry, the options. */
export interface RouteDeps {
  store: EventStore;
  registry: ActorRegistry;
  options: ServerOptions;
}
