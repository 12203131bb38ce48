/**
 * What can be done with accounts, for the API and the `sitrep users` command alike: add users, reset passwords,
 * disable, change roles, sign in and out, issue and revoke API tokens. Every administrative action and every
 * failed sign-in goes to the audit log. Secrets (passwords, session ids, tokens) never reach the log or the store
 * in the clear.
 *
 * @example
 * const service = accountService(store.accounts);
 * await service.addUser('alice', 'editor', password, { actor: 'cli:root' });
 */
import { ulid } from 'ulid';
import type { AccountStore, ApiTokenInfo, SessionRecord, User } from '../../core/account-store.ts';
import { UserError } from '../../core/errors.ts';
import { roles, tokenScopes, userNamePattern, type Role, type TokenScope } from '../../core/roles.ts';
import { checkPassword, hashPassword, verifyNothing, verifyPassword } from './passwords.ts';
import { randomSecret, sha256, tokenPrefix } from './secrets.ts';

export interface AccountServiceOptions {
  /** How long a browser session lasts. Default 7 days. */
  sessionTtlMs?: number;
  /** The clock (tests pass their own). */
  now?: () => Date;
}

/** Who asks, for the audit log: a user name or `cli:<os user>`, and the client address over HTTP. */
export interface Actor {
  actor: string;
  address?: string | null;
}

export type LoginResult =
  | { ok: true; user: User; sessionId: string; session: SessionRecord }
  | { ok: false; reason: 'unknown_user' | 'wrong_password' | 'disabled' };

// A token's last use is written at most this often, so scripts making many requests do not write on each.
const touchEveryMs = 5 * 60_000;

/** Builds the service over `accounts`. */
export function accountService(accounts: AccountStore, options: AccountServiceOptions = {}) {
  const { sessionTtlMs = 7 * 24 * 3600_000, now = () => new Date() } = options;
  const at = () => now().toISOString();
  const audit = (who: Actor | null, action: string, target: string | null, detail: string | null = null) =>
    accounts.audit({ at: at(), actor: who?.actor ?? null, action, target, address: who?.address ?? null, detail });

  async function existing(name: string): Promise<User> {
    const user = await accounts.findUser(name);
    if (!user) throw new UserError(`no user "${name.toLowerCase()}"`, 'NAME', 'list users with `sitrep users list`');
    const { passwordHash: _hash, ...plain } = user;
    return plain;
  }

  async function checkNewUser(name: string, role: Role): Promise<void> {
    const key = name.trim().toLowerCase();
    if (!userNamePattern.test(key)) throw new UserError(`invalid user name "${name}": use 1–64 letters, digits and . _ @ -, starting with a letter or digit`, 'NAME');
    if (!roles.includes(role)) throw new UserError(`invalid role "${role}": expected one of ${roles.join(', ')}`, '--role');
    if (await accounts.findUser(key)) throw new UserError(`a user named "${key}" already exists`, 'NAME', "pick another name, or reset that user's password");
  }

  /** Refuses to leave the installation without an enabled administrator. */
  async function keepAnAdmin(user: User, change: string) {
    if (user.role !== 'admin' || user.disabled) return;
    const admins = (await accounts.listUsers()).filter((u) => u.role === 'admin' && !u.disabled);
    if (admins.length <= 1) throw new UserError(`cannot ${change} "${user.name}": it is the only enabled administrator`, 'NAME', 'make another user an admin first');
  }

  return {
    /** Users, by name (no hashes). */
    listUsers: () => accounts.listUsers(),
    countUsers: () => accounts.countUsers(),

    /** Whether a user `name` with `role` may be added, before anyone is asked for a password. @throws UserError */
    checkNewUser,

    /** The user called `name` (no hash). @throws UserError when there is none. */
    user: existing,

    /** Adds a user. @throws UserError for a bad name, role or password, or a name already taken. */
    async addUser(name: string, role: Role, password: string, who: Actor): Promise<User> {
      const key = name.trim().toLowerCase();
      await checkNewUser(name, role);
      checkPassword(password);
      const id = ulid();
      await accounts.addUser({ id, name: key, role, passwordHash: await hashPassword(password), createdAt: at() });
      await audit(who, 'user_added', key, `role ${role}`);
      return (await accounts.getUser(id))!;
    },

    /** Sets a new password and ends the user's sessions. */
    async resetPassword(name: string, password: string, who: Actor): Promise<void> {
      const user = await existing(name);
      checkPassword(password);
      await accounts.updateUser(user.id, { passwordHash: await hashPassword(password), passwordChangedAt: at() });
      const ended = await accounts.deleteSessions(user.id);
      await audit(who, 'password_reset', user.name, `${ended} session(s) ended`);
    },

    /** Disables (ending sessions; tokens stop working) or re-enables a user. */
    async setDisabled(name: string, disabled: boolean, who: Actor): Promise<User> {
      const user = await existing(name);
      if (disabled) await keepAnAdmin(user, 'disable');
      await accounts.updateUser(user.id, { disabled });
      if (disabled) await accounts.deleteSessions(user.id);
      await audit(who, disabled ? 'user_disabled' : 'user_enabled', user.name);
      return (await accounts.getUser(user.id))!;
    },

    /** Changes a user's role. */
    async setRole(name: string, role: Role, who: Actor): Promise<User> {
      if (!roles.includes(role)) throw new UserError(`invalid role "${role}": expected one of ${roles.join(', ')}`, '--role');
      const user = await existing(name);
      if (role !== 'admin') await keepAnAdmin(user, 'change the role of');
      await accounts.updateUser(user.id, { role });
      await audit(who, 'role_changed', user.name, `${user.role} → ${role}`);
      return (await accounts.getUser(user.id))!;
    },

    /**
     * Checks a name and password and opens a session. A failure is audited with its reason (the caller
     * answers the same to every failure, so it does not tell which names exist).
     */
    async login(name: string, password: string, address: string | null): Promise<LoginResult> {
      const user = await accounts.findUser(name.trim());
      const fail = async (reason: 'unknown_user' | 'wrong_password' | 'disabled') => {
        await audit({ actor: 'anonymous', address }, 'login_failed', name.trim().toLowerCase().slice(0, 64), reason);
        return { ok: false as const, reason };
      };
      if (!user) {
        await verifyNothing(password);
        return fail('unknown_user');
      }
      if (!(await verifyPassword(user.passwordHash, password))) return fail('wrong_password');
      if (user.disabled) return fail('disabled');
      const sessionId = randomSecret();
      const created = now();
      const session: SessionRecord = {
        idHash: sha256(sessionId),
        userId: user.id,
        csrfToken: randomSecret(),
        createdAt: created.toISOString(),
        expiresAt: new Date(created.getTime() + sessionTtlMs).toISOString(),
      };
      await accounts.addSession(session);
      await audit({ actor: user.name, address }, 'login', user.name);
      const { passwordHash: _hash, ...plain } = user;
      return { ok: true, user: plain, sessionId, session };
    },

    /** Ends the session whose id the cookie carries. */
    logout: (sessionId: string) => accounts.deleteSession(sha256(sessionId)),

    /** The live session for a cookie's session id, and its user. */
    session: (sessionId: string) => accounts.findSession(sha256(sessionId), at()),

    /** The user and scope of a bearer token, or undefined for an unknown, revoked or disabled user's token. */
    async token(token: string): Promise<{ token: ApiTokenInfo; user: User } | undefined> {
      if (!token.startsWith(tokenPrefix)) return undefined;
      const found = await accounts.findToken(sha256(token));
      if (found && (!found.token.lastUsedAt || now().getTime() - Date.parse(found.token.lastUsedAt) > touchEveryMs)) {
        await accounts.touchToken(found.token.id, at());
      }
      return found;
    },

    /** Issues a token for `user`; the token is in the answer and nowhere else, ever. */
    async createToken(user: User, name: string, scope: TokenScope, who: Actor): Promise<{ token: string; info: ApiTokenInfo }> {
      const label = name.trim();
      if (!label || label.length > 100) throw new UserError('invalid token name: expected 1–100 characters saying what it is for', 'name');
      if (!tokenScopes.includes(scope)) throw new UserError(`invalid token scope "${scope}": expected read or write`, 'scope');
      const token = tokenPrefix + randomSecret();
      const id = ulid();
      await accounts.addToken({ id, tokenHash: sha256(token), userId: user.id, name: label, scope, createdAt: at() });
      await audit(who, 'token_created', id, `${scope} token "${label}" for ${user.name}`);
      const info = (await accounts.listTokens(user.id)).find((t) => t.id === id)!;
      return { token, info };
    },

    /** Tokens of one user, or of everyone. */
    listTokens: (userId?: string) => accounts.listTokens(userId),

    /** Revokes a token; false when there is no such live token. */
    async revokeToken(id: string, who: Actor): Promise<boolean> {
      const done = await accounts.revokeToken(id, at());
      if (done) await audit(who, 'token_revoked', id);
      return done;
    },

    /** Writes to the audit log that `who` imported `file` (over the API; the revisions say what it changed). */
    imported: (who: Actor, file: string, detail: string) => audit(who, 'import', file, detail),

    /** The newest audit entries. */
    auditLog: (limit?: number) => accounts.auditLog(limit),
  };
}

/** The service's type, for those who hold one. */
export type AccountService = ReturnType<typeof accountService>;
