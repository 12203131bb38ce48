/**
 * The AccountStore port: users, sessions, API tokens and the audit log, kept beside the records in the same
 * backend (the DuckDB file, later PostgreSQL). It stores what it is given: password hashes, session and token
 * hashes, timestamps and ids all come from the caller (`src/server/auth/`), so the port holds no secret and
 * no clock. Backends pass `src/store/account-contract.ts`.
 */
import type { Role, TokenScope } from './roles.ts';

/** A user as anyone may be shown it: never the password hash. */
export interface User {
  id: string;
  /** Lower-case, unique (see `userNamePattern`). */
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  passwordChangedAt: string;
}

/** A user with the argon2id hash of their password, for the login check only. */
export interface UserWithSecret extends User {
  passwordHash: string;
}

/** A signed-in browser session. The cookie carries the session id; the store keeps only its SHA-256. */
export interface SessionRecord {
  idHash: string;
  userId: string;
  /** The per-session token the browser must echo in `X-CSRF-Token` on every write. */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** An API token as listed: the token itself is shown once at creation and stored only as a SHA-256 hash. */
export interface ApiTokenInfo {
  id: string;
  userId: string;
  userName: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** One line of the audit log: failed logins and administrative actions. */
export interface AuditEntry {
  at: string;
  /** Who did it (a user name, `cli:<os user>`), or null for an unauthenticated caller. */
  actor: string | null;
  /** e.g. `login_failed`, `login`, `user_added`, `user_disabled`, `password_reset`, `role_changed`, `token_created`, `token_revoked`, `import`. */
  action: string;
  /** What it was done to (a user name, a token id, an imported file). */
  target: string | null;
  /** The client address, when the action came over HTTP. */
  address: string | null;
  detail: string | null;
}

export interface NewUser {
  id: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
}

export interface UserChanges {
  role?: Role;
  disabled?: boolean;
  passwordHash?: string;
  passwordChangedAt?: string;
}

export interface NewToken {
  id: string;
  tokenHash: string;
  userId: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
}

export interface AccountStore {
  countUsers(): Promise<number>;
  /** Every user, by name. */
  listUsers(): Promise<User[]>;
  /** The user named `name` (compared lower-cased), with their password hash. */
  findUser(name: string): Promise<UserWithSecret | undefined>;
  getUser(id: string): Promise<User | undefined>;
  /** @throws UserError when the name is taken. */
  addUser(user: NewUser): Promise<void>;
  updateUser(id: string, changes: UserChanges): Promise<void>;

  addSession(session: SessionRecord): Promise<void>;
  /** The live session with this hash and its user: not expired at `now`, user not disabled. */
  findSession(idHash: string, now: string): Promise<{ session: SessionRecord; user: User } | undefined>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of a user (disabled, password reset); returns how many there were. */
  deleteSessions(userId: string): Promise<number>;

  addToken(token: NewToken): Promise<void>;
  /** The unrevoked token with this hash and its user (not disabled). */
  findToken(tokenHash: string): Promise<{ token: ApiTokenInfo; user: User } | undefined>;
  /** Tokens, newest first; of one user when `userId` is given. */
  listTokens(userId?: string): Promise<ApiTokenInfo[]>;
  /** Marks a token revoked at `at`; false when there is no such unrevoked token. */
  revokeToken(id: string, at: string): Promise<boolean>;
  /** Records that a token was used at `at`. */
  touchToken(id: string, at: string): Promise<void>;

  audit(entry: AuditEntry): Promise<void>;
  /** The newest `limit` (default 200) entries, newest first. */
  auditLog(limit?: number): Promise<AuditEntry[]>;
}

/** A backend that keeps accounts beside its records (the DuckDB store does). */
export interface WithAccounts {
  readonly accounts: AccountStore;
}
