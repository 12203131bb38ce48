/**
 * Sign-in throttling: failed sign-ins are counted per client address and per account name in a sliding window;
 * past the limit, further attempts are refused (429) without checking the password, until the oldest failure
 * leaves the window. Counting failures only means a user who types their password right is never slowed, and
 * counting per name too stops a password-guessing run spread over many addresses.
 */
export interface LoginLimits {
  /** Failures from one address within the window before it is refused. Default 20. */
  perAddress: number;
  /** Failures for one account name within the window before it is refused. Default 5. */
  perAccount: number;
  /** The window. Default 15 minutes. */
  windowMs: number;
}

export const defaultLoginLimits: LoginLimits = { perAddress: 20, perAccount: 5, windowMs: 15 * 60_000 };

const maxKeys = 50_000;

/** The limiter; `now` is injectable for tests. */
export function loginLimiter(limits: LoginLimits = defaultLoginLimits, now: () => number = () => Date.now()) {
  const failures = new Map<string, number[]>();
  const recent = (key: string, t: number) => {
    const list = (failures.get(key) ?? []).filter((at) => t - at < limits.windowMs);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  };
  const keys = (address: string, name: string) => [`a:${address}`, `n:${name.trim().toLowerCase()}`] as const;

  return {
    /** Seconds to wait before trying again, or 0 when an attempt may be made now. */
    retryAfter(address: string, name: string): number {
      const t = now();
      const [a, n] = keys(address, name);
      const waits = [
        [recent(a, t), limits.perAddress],
        [recent(n, t), limits.perAccount],
      ].flatMap(([list, limit]) => {
        const l = list as number[];
        return l.length >= (limit as number) ? [l[l.length - (limit as number)]! + limits.windowMs - t] : [];
      });
      return waits.length ? Math.max(1, Math.ceil(Math.max(...waits) / 1000)) : 0;
    },
    /** Counts a failed attempt. */
    failed(address: string, name: string): void {
      const t = now();
      if (failures.size > maxKeys) {
        // Forget expired windows first, then the oldest keys: memory stays bounded under a flood of addresses.
        for (const key of [...failures.keys()]) recent(key, t);
        for (const key of failures.keys()) {
          if (failures.size <= maxKeys / 2) break;
          failures.delete(key);
        }
      }
      for (const key of keys(address, name)) failures.set(key, [...recent(key, t), t]);
    },
    /**
     * A successful sign-in clears the account's failures, and takes back the attempt counted for the address before
     * the password was checked (its other failures stay).
     */
    succeeded(address: string, name: string): void {
      const [a, n] = keys(address, name);
      failures.delete(n);
      const list = failures.get(a);
      if (list?.length) list.pop();
    },
  };
}

export type LoginLimiter = ReturnType<typeof loginLimiter>;
