/**
 * Gives every request an id (echoed in `X-Request-Id` and in every error body) and writes one structured log
 * line per request when it is answered: method, path, status, milliseconds, request id.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, LogLine } from '../context.ts';

// A caller's own id is kept only when it is short and plain, so it cannot inject text into the logs.
const acceptableId = /^[\w.-]{1,64}$/;

/** The request-id and access-log middleware; `log` receives one line per request. */
export function requestContext(log: (line: LogLine) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && acceptableId.test(given) ? given : crypto.randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    log({
      level: c.res.status >= 500 && !c.req.raw.signal.aborted ? 'error' : 'info',
      ...(c.req.raw.signal.aborted ? { cancelled: true } : {}),
      time: new Date().toISOString(),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      requestId,
    });
  };
}

/** The default log sink: one JSON object per line on stderr. */
export function stderrLog(line: LogLine): void {
  process.stderr.write(JSON.stringify(line) + '\n');
}
