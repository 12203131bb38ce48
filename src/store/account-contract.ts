/**
 * The AccountStore contract: one suite every backend runs (`runAccountContract('duckdb', () => duckdbStore(':memory:'))`).
 * The store keeps what it is given (hashes, timestamps), so these tests pass plain strings for them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountStore } from '../core/account-store.ts';
import { UserError } from '../core/errors.ts';

const t0 = '2025-01-01T10:00:00.000Z';
const later = '2025-01-02T10:00:00.000Z';

export function runAccountContract(name: string, open: () => Promise<{ accounts: AccountStore; close(): Promise<void> }>) {
  describe(`AccountStore contract: ${name}`, () => {
    let backend: { accounts: AccountStore; close(): Promise<void> };
    let a: AccountStore;
    beforeEach(async () => {
      backend = await open();
      a = backend.accounts;
      await a.addUser({ id: 'u1', name: 'Alice', role: 'editor', passwordHash: '$argon2id$alice', createdAt: t0 });
      await a.addUser({ id: 'u2', name: 'bob', role: 'reviewer', passwordHash: '$argon2id$bob', createdAt: t0 });
    });
    afterEach(() => backend?.close());

    it('adds users with lower-cased unique names and never lists their hashes', async () => {
      expect(await a.countUsers()).toBe(2);
      const users = await a.listUsers();
      expect(users.map((u) => [u.name, u.role, u.disabled])).toEqual([['alice', 'editor', false], ['bob', 'reviewer', false]]);
      expect(JSON.stringify(users)).not.toContain('argon2');
      expect(users[0]).toEqual({ id: 'u1', name: 'alice', role: 'editor', disabled: false, createdAt: t0, passwordChangedAt: t0 });
      expect((await a.findUser('ALICE'))?.passwordHash).toBe('$argon2id$alice');
      expect(await a.findUser('carol')).toBeUndefined();
      await expect(a.addUser({ id: 'u3', name: 'alice', role: 'viewer', passwordHash: 'x', createdAt: t0 })).rejects.toThrow(UserError);
      expect(await a.countUsers()).toBe(2);
    });

    it('updates role, disabled flag and password', async () => {
      await a.updateUser('u1', { role: 'admin', disabled: true, passwordHash: 'new', passwordChangedAt: later });
      const alice = await a.findUser('alice');
      expect(alice).toMatchObject({ role: 'admin', disabled: true, passwordHash: 'new', passwordChangedAt: later });
      expect(await a.getUser('u1')).toMatchObject({ name: 'alice', disabled: true });
    });

    it('finds live sessions only: not expired, not of a disabled user, not deleted', async () => {
      await a.addSession({ idHash: 'h1', userId: 'u1', csrfToken: 'c1', createdAt: t0, expiresAt: later });
      await a.addSession({ idHash: 'h2', userId: 'u1', csrfToken: 'c2', createdAt: t0, expiresAt: later });
      const found = await a.findSession('h1', t0);
      expect(found?.session).toEqual({ idHash: 'h1', userId: 'u1', csrfToken: 'c1', createdAt: t0, expiresAt: later });
      expect(found?.user.name).toBe('alice');
      expect(await a.findSession('h1', '2025-01-03T00:00:00.000Z')).toBeUndefined();
      await a.deleteSession('h1');
      expect(await a.findSession('h1', t0)).toBeUndefined();
      await a.updateUser('u1', { disabled: true });
      expect(await a.findSession('h2', t0)).toBeUndefined();
      expect(await a.deleteSessions('u1')).toBe(1);
    });

    it('keeps tokens by hash, lists them without it, and revokes them', async () => {
      await a.addToken({ id: 'tk1', tokenHash: 'sha-1', userId: 'u2', name: 'nightly import', scope: 'write', createdAt: t0 });
      await a.addToken({ id: 'tk2', tokenHash: 'sha-2', userId: 'u1', name: 'notebook', scope: 'read', createdAt: later });
      const found = await a.findToken('sha-1');
      expect(found?.token).toEqual({ id: 'tk1', userId: 'u2', userName: 'bob', name: 'nightly import', scope: 'write', createdAt: t0, lastUsedAt: null, revokedAt: null });
      expect(found?.user.name).toBe('bob');
      await a.touchToken('tk1', later);
      expect((await a.findToken('sha-1'))?.token.lastUsedAt).toBe(later);
      expect((await a.listTokens()).map((t) => t.id)).toEqual(['tk2', 'tk1']);
      expect((await a.listTokens('u1')).map((t) => t.id)).toEqual(['tk2']);
      expect(JSON.stringify(await a.listTokens())).not.toContain('sha-');
      expect(await a.revokeToken('tk1', later)).toBe(true);
      expect(await a.revokeToken('tk1', later)).toBe(false);
      expect(await a.findToken('sha-1')).toBeUndefined();
      expect((await a.listTokens('u2'))[0]?.revokedAt).toBe(later);
      await a.updateUser('u1', { disabled: true });
      expect(await a.findToken('sha-2')).toBeUndefined();
    });

    it('appends to the audit log, newest first', async () => {
      await a.audit({ at: t0, actor: null, action: 'login_failed', target: 'alice', address: '10.0.0.1', detail: null });
      await a.audit({ at: later, actor: 'cli:root', action: 'user_disabled', target: 'alice', address: null, detail: 'left the team' });
      const log = await a.auditLog();
      expect(log.map((e) => e.action)).toEqual(['user_disabled', 'login_failed']);
      expect(log[1]).toEqual({ at: t0, actor: null, action: 'login_failed', target: 'alice', address: '10.0.0.1', detail: null });
      expect(await a.auditLog(1)).toHaveLength(1);
    });
  });
}
