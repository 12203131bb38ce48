/**
 * A per-address token bucket: each client address may make `perMinute` requests a minute, in bursts of up to
 * the same number; beyond that it gets 429 with `Retry-After`. Memory stays bounded: buckets that have refilled
 * completely carry no information and are dropped when the table grows.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';

interface Bucket {
  tokens: number;
  at: number;
}

const maxBuckets = 10_000;

/** The rate-limit middleware; `now` is injectable for tests. A `perMinute` of 0 or less disables it. */
export function rateLimit(perMinute: number, address: (c: Context) => string, now: () => number = () => performance.now()): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  const refill = (b: Bucket, t: number) => {
    b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * perMs);
    b.at = t;
  };
  return async (c, next) => {
    if (perMinute <= 0) return next();
    const t = now();
    const key = address(c);
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= maxBuckets) {
        for (const [k, b] of buckets) {
          refill(b, t);
          if (b.tokens >= perMinute) buckets.delete(k);
        }
      }
      bucket = { tokens: perMinute, at: t };
      buckets.set(key, bucket);
    }
    refill(bucket, t);
    if (bucket.tokens < 1) {
      const wait = Math.ceil((1 - bucket.tokens) / perMs / 1000);
      throw new ApiError(429, 'rate_limited', `more than ${perMinute} requests a minute from this address`, undefined, `retry after ${wait} s`, { 'Retry-After': String(wait) });
    }
    bucket.tokens -= 1;
    return next();
  };
}

/** The socket's remote address under @hono/node-server; forwarded headers are not trusted (they can be forged). */
export function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
