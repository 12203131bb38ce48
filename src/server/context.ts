/**
 * What the server is given and what every request carries. The server never builds a store or reads settings:
 * the CLI (`sitrep serve`) or a test passes them in through `createApp`.
 */
import type { Context } from 'hono';
import type { AccountStore, User } from '../core/account-store.ts';
import type { ActorRegistry } from '../core/actor-registry.ts';
import type { EventStore } from '../core/event-store.ts';
import type { Importer } from '../core/importing.ts';
import type { AccessScope } from '../core/filter.ts';
import type { PlaceMatch } from '../core/places.ts';
import type { AccountService } from './auth/account-service.ts';
import type { LoginLimits } from './auth/login-limiter.ts';

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
  /** Files sent to `POST /api/imports` larger than this are refused with 413. Default 4 GiB. */
  maxImportBytes: number;
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
  /** Refuse to publish a record whose content the publisher wrote since it was last published. Default false. */
  requireDistinctReviewer: boolean;
  /** How long a browser session lasts. Default 7 days. */
  sessionTtlMs: number;
  /**
   * `auto`: session cookies are `Secure` when the request came over https; `always`: always (behind a
   * TLS-terminating proxy, whose forwarded headers are not trusted). Default `auto`.
   */
  secureCookies: 'auto' | 'always';
  /** Failed sign-ins allowed per address and per account name in a window. */
  loginLimits: LoginLimits;
}

/** Place-name suggestions for the editor (the CLI passes the offline gazetteer of `src/geo`). */
export interface PlaceSuggester {
  suggest(prefix: string, countryIso3?: string, limit?: number): PlaceMatch[];
}

/** Who is calling: set by the authentication middleware before the scope is resolved. */
export interface Caller {
  /** The signed-in user, or null for an anonymous caller. */
  user: User | null;
  via: 'session' | 'token' | null;
  /** False for anonymous callers and read-scoped tokens. */
  canWrite: boolean;
  /** The session's CSRF token (sessions only), which the web app echoes in `X-CSRF-Token`. */
  csrfToken: string | null;
}

/** What `createApp` receives. */
export interface ServerDeps {
  store: EventStore;
  registry: ActorRegistry;
  /** Users, sessions and tokens; without it every caller is anonymous and nothing can be written. */
  accounts?: AccountStore;
  /** Place-name suggestions for `/api/places`; without it the endpoint answers 400 `unsupported`. */
  places?: PlaceSuggester;
  /** Reads files into the store for `POST /api/imports`; without it the endpoint answers 400 `unsupported`. */
  importer?: Importer;
  options?: Partial<ServerOptions>;
}

/** The per-request variables middleware sets and handlers read (`c.var.scope`, `c.var.requestId`). */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Set by the scope middleware before any handler runs; every store call passes it on. */
    scope: AccessScope;
    /** Set by the authentication middleware: the user (if any) and how they proved it. */
    caller: Caller;
  };
}

/** What each route module receives: the store (with the query timeout applied), the registry, the options. */
export interface RouteDeps {
  store: EventStore;
  registry: ActorRegistry;
  options: ServerOptions;
  /** The account service over the store's accounts, when there are accounts. */
  accounts?: AccountService;
  places?: PlaceSuggester;
  importer?: Importer;
}
