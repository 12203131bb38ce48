/**
 * `sitrep users`: accounts on the store file, no running server needed. The first user of a new store must
 * be an admin (`sitrep users add --role admin NAME`); `sitrep serve` says so while there is none. Passwords
 * come from a prompt with echo off or from `--password-stdin`, never from an argument; tokens are printed
 * once and stored hashed. Every change is written to the audit log as `cli:<os user>`.
 */
import { userInfo } from 'node:os';
import { Command, Option } from 'commander';
import { UserError } from '../core/errors.ts';
import { roles, tokenScopes, type Role, type TokenScope } from '../core/roles.ts';
import { accountService, type AccountService } from '../server/auth/account-service.ts';
import { oneOf, wholeNumber } from './flags.ts';
import { formatTable, write } from './output.ts';
import { newPassword } from './password-input.ts';
import { settings } from './settings.ts';
import { withStore } from './wiring.ts';

type DbOpts = { db?: string };

/** Who the audit log names for a change made on this machine's command line. */
function cliActor() {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // Some containers have no passwd entry for the uid; the log still says it came from the command line.
  }
  return { actor: `cli:${name}`, address: null };
}

const dbOption = () => new Option('--db <path>', `store file (default: $${settings.db.env} or ${settings.db.default})`);
const roleOption = () => new Option('--role <role>', `one of ${roles.join(', ')}`).choices([...roles]);

/** `create`: `users add` may make the store (an admin set up before the first `sitrep serve`); the others read one. */
function withService<T>(opts: DbOpts, fn: (service: AccountService) => Promise<T>, create = false): Promise<T> {
  return withStore(opts, (store) => fn(accountService(store.accounts)), { create });
}

/** The `users` command and its subcommands. */
export function usersCommand(): Command {
  const users = new Command('users').description('accounts: add users, list them, disable them, reset passwords, API tokens, the audit log');

  users
    .command('add <name>')
    .description('add a user; the first user of a store must be an admin')
    .addOption(roleOption().makeOptionMandatory())
    .option('--password-stdin', 'read the password from the first line of standard input instead of prompting')
    .addOption(dbOption())
    .action(async (name: string, opts: DbOpts & { role: Role; passwordStdin?: boolean }) => {
      await withService(opts, async (service) => {
        if ((await service.countUsers()) === 0 && opts.role !== 'admin') {
          throw new UserError('the first user must be an admin', '--role', `run: sitrep users add --role admin ${name}`);
        }
        await service.checkNewUser(name, opts.role);
        const password = await newPassword(name, Boolean(opts.passwordStdin));
        const user = await service.addUser(name, opts.role, password, cliActor());
        await write(process.stdout, `added ${user.role} ${user.name}\n`);
      }, true);
    });

  users
    .command('list')
    .description('every user with role and state')
    .option('--format <format>', 'table or json', 'table')
    .addOption(dbOption())
    .action(async (opts: DbOpts & { format: string }) => {
      await withService(opts, async (service) => {
        const list = await service.listUsers();
        if (oneOf('--format', opts.format, ['table', 'json'] as const) === 'json') await write(process.stdout, JSON.stringify(list, null, 2) + '\n');
        else if (!list.length) await write(process.stdout, 'no users yet: add the first admin with `sitrep users add --role admin NAME`\n');
        else await write(process.stdout, formatTable(list.map((u) => ({ name: u.name, role: u.role, state: u.disabled ? 'disabled' : 'active', created: u.createdAt.slice(0, 10), password_changed: u.passwordChangedAt.slice(0, 10) }))));
      });
    });

  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    users
      .command(`${verb} <name>`)
      .description(disabled ? 'disable a user: sessions end, tokens stop working; nothing is deleted' : 'enable a disabled user again')
      .addOption(dbOption())
      .action(async (name: string, opts: DbOpts) => {
        await withService(opts, async (service) => {
          const user = await service.setDisabled(name, disabled, cliActor());
          await write(process.stdout, `${user.name} is ${user.disabled ? 'disabled' : 'enabled'}\n`);
        });
      });
  }

  users
    .command('reset-password <name>')
    .description("set a new password (prompted, or --password-stdin); the user's sessions end")
    .option('--password-stdin', 'read the password from the first line of standard input instead of prompting')
    .addOption(dbOption())
    .action(async (name: string, opts: DbOpts & { passwordStdin?: boolean }) => {
      await withService(opts, async (service) => {
        await service.user(name);
        const password = await newPassword(name, Boolean(opts.passwordStdin));
        await service.resetPassword(name, password, cliActor());
        await write(process.stdout, `password of ${name.toLowerCase()} reset\n`);
      });
    });

  users
    .command('role <name> <role>')
    .description(`change a user's role (${roles.join(', ')})`)
    .addOption(dbOption())
    .action(async (name: string, role: string, opts: DbOpts) => {
      if (!roles.includes(role as Role)) throw new UserError(`invalid role "${role}": expected one of ${roles.join(', ')}`, 'ROLE');
      await withService(opts, async (service) => {
        const user = await service.setRole(name, role as Role, cliActor());
        await write(process.stdout, `${user.name} is now ${user.role}\n`);
      });
    });

  users
    .command('token <name>')
    .description('create an API token for a user; it is printed once and stored only as a hash')
    .requiredOption('--label <text>', 'what the token is for (e.g. "nightly import")')
    .addOption(new Option('--scope <scope>', 'read or write').choices([...tokenScopes]).default('read'))
    .addOption(dbOption())
    .action(async (name: string, opts: DbOpts & { label: string; scope: TokenScope }) => {
      await withService(opts, async (service) => {
        const user = (await service.listUsers()).find((u) => u.name === name.toLowerCase());
        if (!user) throw new UserError(`no user "${name.toLowerCase()}"`, 'NAME');
        const { token, info } = await service.createToken(user, opts.label, opts.scope, cliActor());
        process.stderr.write(`${info.scope} token ${info.id} for ${user.name}; it is shown only now:\n`);
        await write(process.stdout, `${token}\n`);
      });
    });

  users
    .command('tokens [name]')
    .description("API tokens (of one user, or everyone's): id, label, scope, last use; never the token itself")
    .addOption(dbOption())
    .action(async (name: string | undefined, opts: DbOpts) => {
      await withService(opts, async (service) => {
        const user = name ? (await service.listUsers()).find((u) => u.name === name.toLowerCase()) : undefined;
        if (name && !user) throw new UserError(`no user "${name.toLowerCase()}"`, 'NAME');
        const tokens = await service.listTokens(user?.id);
        await write(process.stdout, formatTable(tokens.map((t) => ({ id: t.id, user: t.userName, label: t.name, scope: t.scope, created: t.createdAt, last_used: t.lastUsedAt ?? '', revoked: t.revokedAt ?? '' }))));
      });
    });

  users
    .command('revoke-token <id>')
    .description('revoke an API token')
    .addOption(dbOption())
    .action(async (id: string, opts: DbOpts) => {
      await withService(opts, async (service) => {
        if (!(await service.revokeToken(id, cliActor()))) throw new UserError(`no live token "${id}"`, 'ID', 'list tokens with `sitrep users tokens`');
        await write(process.stdout, `token ${id} revoked\n`);
      });
    });

  users
    .command('audit')
    .description('the audit log: failed sign-ins and administrative actions, newest first')
    .option('--limit <n>', 'entries', '50')
    .addOption(dbOption())
    .action(async (opts: DbOpts & { limit: string }) => {
      await withService(opts, async (service) => {
        const entries = await service.auditLog(wholeNumber('--limit', opts.limit, 10_000));
        await write(process.stdout, formatTable(entries.map((e) => ({ ...e, actor: e.actor ?? '', target: e.target ?? '', address: e.address ?? '', detail: e.detail ?? '' }))));
      });
    });

  return users;
}
