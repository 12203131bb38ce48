// `sitrep users`, run as a user would: the first admin, passwords from stdin only (never echoed), disabling,
// resetting, tokens printed once, and everything in the audit log.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './settings.ts';

const bin = join(projectRoot, 'bin/sitrep.js');
const db = join(mkdtempSync(join(tmpdir(), 'sitrep-users-')), 'users.duckdb');

function sitrep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args, '--db', db], { encoding: 'utf8', input, env: { ...process.env, CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sitrep users', () => {
  const password = 'a long enough secret phrase';

  it('insists that the first user is an admin, then adds users with passwords from stdin', () => {
    const first = sitrep(['users', 'add', '--role', 'editor', 'erin', '--password-stdin'], `${password}\n`);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('sitrep users add --role admin erin');
    const admin = sitrep(['users', 'add', '--role', 'admin', 'Ada', '--password-stdin'], `${password}\n`);
    expect(admin).toMatchObject({ code: 0, stdout: 'added admin ada\n' });
    expect(sitrep(['users', 'add', '--role', 'editor', 'erin', '--password-stdin'], `${password}\n`).code).toBe(0);
    const short = sitrep(['users', 'add', '--role', 'viewer', 'vic', '--password-stdin'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 10 characters');
    expect(short.stderr + short.stdout).not.toContain('short\n');
  });

  it('refuses to prompt without a terminal rather than read a password from somewhere else', () => {
    const r = sitrep(['users', 'reset-password', 'erin'], '');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--password-stdin');
  });

  it('says a name is taken, or unknown, before asking for a password it would not use', () => {
    // Without a terminal a prompt is refused: an answer about the name shows the name was checked first.
    expect(sitrep(['users', 'add', '--role', 'viewer', 'erin'], '').stderr).toMatch(/^sitrep: a user named "erin" already exists/);
    expect(sitrep(['users', 'reset-password', 'nobody'], '').stderr).toMatch(/^sitrep: no user "nobody"/);
  });

  it('lists, disables, resets, changes roles, issues and revokes tokens, and audits all of it', () => {
    const list = sitrep(['users', 'list', '--format', 'json']);
    expect(JSON.parse(list.stdout).map((u: { name: string; role: string }) => [u.name, u.role])).toEqual([['ada', 'admin'], ['erin', 'editor']]);
    expect(list.stdout).not.toContain('argon2');
    expect(sitrep(['users', 'disable', 'ada']).stderr).toContain('only enabled administrator');
    expect(sitrep(['users', 'disable', 'erin']).stdout).toBe('erin is disabled\n');
    expect(sitrep(['users', 'enable', 'erin']).stdout).toBe('erin is enabled\n');
    expect(sitrep(['users', 'role', 'erin', 'reviewer']).stdout).toBe('erin is now reviewer\n');
    expect(sitrep(['users', 'reset-password', 'erin', '--password-stdin'], 'another long password\n').code).toBe(0);
    const token = sitrep(['users', 'token', 'erin', '--label', 'nightly import', '--scope', 'write']);
    expect(token.stdout).toMatch(/^sitrep_[\w-]{40,}\n$/);
    const tokens = sitrep(['users', 'tokens', 'erin']);
    expect(tokens.stdout).toContain('nightly import');
    expect(tokens.stdout).not.toContain(token.stdout.trim());
    const id = /^(\S+)\s+erin/m.exec(tokens.stdout)![1]!;
    expect(sitrep(['users', 'revoke-token', id]).stdout).toBe(`token ${id} revoked\n`);
    const audit = sitrep(['users', 'audit']).stdout;
    for (const action of ['user_added', 'user_disabled', 'user_enabled', 'role_changed', 'password_reset', 'token_created', 'token_revoked']) expect(audit).toContain(action);
    expect(audit).not.toContain(password);
    expect(audit).toMatch(/cli:\S+/);
  }, 240_000); // a dozen CLI processes, each starting Node and DuckDB: slow on a busy two-core machine
});
