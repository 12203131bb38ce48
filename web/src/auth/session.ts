/**
 * Who is signed in, shared by every part of the page (the header's sign-in link, the editor): one answer of
 * `GET /api/auth/me`, refreshed after signing in or out.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { User } from '../../../src/core/account-store.ts';
import type { Status } from '../../../src/core/record.ts';
import { apiSend, setCsrfToken } from './api-write.ts';

/** `GET /api/auth/me`. */
export interface Me {
  user: User | null;
  via: 'session' | 'token' | null;
  csrfToken: string | null;
  canWrite: boolean;
  rights: { edit: boolean; publish: boolean; import: boolean; manageUsers: boolean; readAudit: boolean };
  /** For each status, where this caller may move a record. */
  moves: Partial<Record<Status, Status[]>>;
}

let me: Me | null = null;
let loading: Promise<Me> | null = null;
const listeners = new Set<() => void>();

function set(next: Me) {
  me = next;
  setCsrfToken(next.csrfToken);
  for (const l of listeners) l();
}

/** Asks the server who we are (again). */
export function refreshSession(): Promise<Me> {
  loading = apiSend<Me>('GET', 'auth/me').then((m) => {
    set(m);
    return m;
  });
  return loading;
}

/** Signs in; throws `WriteError` (401, 429…) when refused. */
export async function signIn(name: string, password: string): Promise<Me> {
  const m = await apiSend<Me>('POST', 'auth/login', { name, password });
  set(m);
  return m;
}

/** Signs out. */
export async function signOut(): Promise<void> {
  await apiSend('POST', 'auth/logout');
  await refreshSession();
}

/** The session, loaded on first use; null until the answer arrives. */
export function useSession(): Me | null {
  const value = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => me,
  );
  useEffect(() => {
    if (!me && !loading) void refreshSession().catch(() => undefined);
  }, []);
  return value;
}
