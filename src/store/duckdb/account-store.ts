/**
 * The AccountStore port on DuckDB: users, sessions, API tokens and the audit log live in the same file as the
 * records (migration 2). Writes go through the store's one writer connection and its lock; reads use the pool.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AccountStore, ApiTokenInfo, AuditEntry, SessionRecord, User, UserChanges } from '../../core/account-store.ts';
import { UserError } from '../../core/errors.ts';
import type { Role, TokenScope } from '../../core/roles.ts';
import type { ConnectionPool } from './duckdb-store.ts';

type Row = Record<string, unknown>;
type Param = string | number | boolean | null;

/** DuckDB prints timestamps as `2025-01-01 10:00:00.123`; the API speaks ISO 8601 in UTC. */
const iso = (v: unknown): string => new Date(String(v).replace(' ', 'T') + 'Z').toISOString();
const isoOrNull = (v: unknown): string | null => (v == null ? null : iso(v));
const ts = (column: string, as = column) => `CAST(${column} AS VARCHAR) AS ${as}`;

/** The user columns, each aliased with `prefix` so they can sit beside another table's columns. */
const userColumnsAs = (prefix: string) =>
  `u.id AS ${prefix}id, u.name AS ${prefix}name, u.role AS ${prefix}role, u.disabled AS ${prefix}disabled, ` +
  `${ts('u.created_at', `${prefix}created_at`)}, ${ts('u.password_changed_at', `${prefix}password_changed_at`)}`;
const userColumns = userColumnsAs('');
const toUser = (r: Row, prefix = ''): User => ({
  id: String(r[`${prefix}id`]),
  name: String(r[`${prefix}name`]),
  role: r[`${prefix}role`] as Role,
  disabled: Boolean(r[`${prefix}disabled`]),
  createdAt: iso(r[`${prefix}created_at`]),
  passwordChangedAt: iso(r[`${prefix}password_changed_at`]),
});

const tokenColumns = `t.id, t.user_id, u.name AS user_name, t.name AS token_name, t.scope, ${ts('t.created_at', 'created_at')}, ${ts('t.last_used_at', 'last_used_at')}, ${ts('t.revoked_at', 'revoked_at')}`;
const toToken = (r: Row): ApiTokenInfo => ({
  id: String(r.id),
  userId: String(r.user_id),
  userName: String(r.user_name),
  name: String(r.token_name),
  scope: r.scope as TokenScope,
  createdAt: iso(r.created_at),
  lastUsedAt: isoOrNull(r.last_used_at),
  revokedAt: isoOrNull(r.revoked_at),
});

/**
 * The account store over the DuckDB store's writer connection (serialised by `writeLock`) and read pool.
 * Built by `duckdbStore`; reach it as `store.accounts`.
 */
export function duckdbAccounts(writer: DuckDBConnection, writeLock: <T>(fn: () => Promise<T>) => Promise<T>, pool: ConnectionPool): AccountStore {
  const all = (sql: string, params: Param[] = []) => pool.use(async (c) => (await c.runAndReadAll(sql, params)).getRowObjectsJS() as Row[]);
  const run = (sql: string, params: Param[] = []) => writeLock(async () => void (await writer.run(sql, params)));

  return {
    async countUsers() {
      return Number((await all('SELECT count(*) AS n FROM users'))[0]!.n);
    },

    async listUsers() {
      return (await all(`SELECT ${userColumns} FROM users u ORDER BY u.name`)).map((r) => toUser(r));
    },

    async findUser(name) {
      const rows = await all(`SELECT ${userColumns}, u.password_hash FROM users u WHERE u.name = ?`, [name.toLowerCase()]);
      return rows[0] ? { ...toUser(rows[0]), passwordHash: String(rows[0].password_hash) } : undefined;
    },

    async getUser(id) {
      const rows = await all(`SELECT ${userColumns} FROM users u WHERE u.id = ?`, [id]);
      return rows[0] ? toUser(rows[0]) : undefined;
    },

    async addUser(user) {
      await writeLock(async () => {
        // Checked under the write lock, so two concurrent adds of one name cannot both pass.
        const taken = await writer.runAndReadAll('SELECT 1 FROM users WHERE name = ?', [user.name.toLowerCase()]);
        if (taken.currentRowCount > 0) throw new UserError(`a user named "${user.name.toLowerCase()}" already exists`, 'NAME', 'pick another name, or reset that user\'s password');
        await writer.run('INSERT INTO users VALUES (?, ?, ?, ?, false, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP))', [
          user.id, user.name.toLowerCase(), user.role, user.passwordHash, user.createdAt, user.createdAt,
        ]);
      });
    },

    async updateUser(id, changes: UserChanges) {
      // Fixed column names only; the values are bound.
      const columns: [string, Param | undefined][] = [
        ['role = ?', changes.role],
        ['disabled = ?', changes.disabled],
        ['password_hash = ?', changes.passwordHash],
        ['password_changed_at = CAST(? AS TIMESTAMP)', changes.passwordChangedAt],
      ];
      const given = columns.filter(([, v]) => v !== undefined) as [string, Param][];
      if (!given.length) return;
      const sets = given.map(([sql]) => sql);
      const params = given.map(([, v]) => v);
      await run(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
    },

    async addSession(s: SessionRecord) {
      await run('INSERT INTO sessions VALUES (?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP))', [s.idHash, s.userId, s.csrfToken, s.createdAt, s.expiresAt]);
    },

    async findSession(idHash, now) {
      const rows = await all(
        `SELECT ${userColumnsAs('u_')}, s.id_hash, s.csrf_token, ${ts('s.created_at', 's_created')}, ${ts('s.expires_at', 's_expires')}
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id_hash = ? AND s.expires_at > CAST(? AS TIMESTAMP) AND NOT u.disabled`,
        [idHash, now],
      );
      const r = rows[0];
      if (!r) return undefined;
      return {
        session: { idHash: String(r.id_hash), userId: String(r.u_id), csrfToken: String(r.csrf_token), createdAt: iso(r.s_created), expiresAt: iso(r.s_expires) },
        user: toUser(r, 'u_'),
      };
    },

    async deleteSession(idHash) {
      await run('DELETE FROM sessions WHERE id_hash = ?', [idHash]);
    },

    async deleteSessions(userId) {
      return writeLock(async () => {
        const n = await writer.runAndReadAll('SELECT count(*) AS n FROM sessions WHERE user_id = ?', [userId]);
        await writer.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
        return Number(n.getRowObjectsJS()[0]!.n);
      });
    },

    async addToken(t) {
      await run('INSERT INTO api_tokens VALUES (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), NULL, NULL)', [t.id, t.tokenHash, t.userId, t.name, t.scope, t.createdAt]);
    },

    async findToken(tokenHash) {
      const rows = await all(
        `SELECT ${tokenColumns}, ${userColumnsAs('u_')} FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = ? AND t.revoked_at IS NULL AND NOT u.disabled`,
        [tokenHash],
      );
      const r = rows[0];
      return r ? { token: toToken(r), user: toUser(r, 'u_') } : undefined;
    },

    async listTokens(userId) {
      const rows = await all(
        `SELECT ${tokenColumns} FROM api_tokens t JOIN users u ON u.id = t.user_id ${userId ? 'WHERE t.user_id = ?' : ''} ORDER BY t.created_at DESC, t.id DESC`,
        userId ? [userId] : [],
      );
      return rows.map((r) => toToken(r));
    },

    async revokeToken(id, at) {
      return writeLock(async () => {
        const live = await writer.runAndReadAll('SELECT 1 FROM api_tokens WHERE id = ? AND revoked_at IS NULL', [id]);
        if (live.currentRowCount === 0) return false;
        await writer.run('UPDATE api_tokens SET revoked_at = CAST(? AS TIMESTAMP) WHERE id = ?', [at, id]);
        return true;
      });
    },

    async touchToken(id, at) {
      await run('UPDATE api_tokens SET last_used_at = CAST(? AS TIMESTAMP) WHERE id = ?', [at, id]);
    },

    async audit(e: AuditEntry) {
      await run('INSERT INTO audit_log VALUES (CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?)', [e.at, e.actor, e.action, e.target, e.address, e.detail]);
    },

    async auditLog(limit = 200) {
      const n = Math.min(Math.max(Math.trunc(limit), 1), 10_000);
      const rows = await all(`SELECT ${ts('logged_at')}, actor, action, target, address, detail FROM audit_log ORDER BY logged_at DESC LIMIT ${n}`);
      return rows.map((r) => ({
        at: iso(r.logged_at),
        actor: (r.actor as string | null) ?? null,
        action: String(r.action),
        target: (r.target as string | null) ?? null,
        address: (r.address as string | null) ?? null,
        detail: (r.detail as string | null) ?? null,
      }));
    },
  };
}
