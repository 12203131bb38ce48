// `sitrep import --server`: the usual situation — `sitrep serve` holds the store — and the import goes through the
// server instead, with the same reports, rejected rows and records as an import on the machine itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportReport } from '../core/importing.ts';
import { sitrep, sitrepBin } from './cli-test-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-import-client-'));
const db = join(dir, 'served.duckdb');
const shared = (path: string) => new URL(`../../../shared/data/${path}`, import.meta.url).pathname;
const pakistan = shared('ucdp_ged/conflict_data_pak.csv');
const wikipedia = shared('curated/wikipedia_terrorism_lists/global_terrorism.csv');
const mapping = new URL('../../data/mappings/wikipedia-terrorism-lists.yaml', import.meta.url).pathname;
const withoutTimes = (stdout: string) => (JSON.parse(stdout) as ImportReport[]).map(({ seconds: _s, ...r }) => r);

let server: ChildProcess;
let url: string;
/** A port nothing listens on. */
let closedPort: number;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const password = 'a long enough secret phrase';
  for (const [name, role] of [['ada', 'admin'], ['rita', 'reviewer'], ['eddie', 'editor']]) {
    expect(sitrep(['users', 'add', '--role', role!, name!, '--password-stdin', '--db', db], {}, `${password}\n`).code).toBe(0);
    tokens[name!] = /sitrep_\S+/.exec(sitrep(['users', 'token', name!, '--scope', 'write', '--label', 'imports', '--db', db]).stdout)![0];
  }
  closedPort = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  server = spawn(process.execPath, [sitrepBin, 'serve', '--db', db, '--port', '0'], { env: { ...process.env, CI: 'true' } });
  url = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (d: Buffer) => {
      const running = /running at (\S+)/.exec(String(d));
      if (running) resolve(running[1]!);
    });
    server.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
});

afterAll(async () => {
  server.kill();
  await new Promise((resolve) => server.once('exit', resolve));
});

describe('sitrep import --server', () => {
  it('imports through the running server what the store it holds would get from a local import', async () => {
    // Beside the server, a local import cannot open the store, and says what to do instead.
    const locked = sitrep(['import', pakistan, '--db', db]);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toMatch(/is open in another process .*sitrep import FILE --server/);

    const reference = join(dir, 'reference.duckdb');
    const remote = sitrep(['import', pakistan, '--server', url, '--json'], { SITREP_TOKEN: tokens.rita });
    expect(remote.stderr).toBe('');
    expect(remote.code).toBe(0);
    const local = sitrep(['import', pakistan, '--db', reference, '--json']);
    expect(withoutTimes(remote.stdout)).toEqual(withoutTimes(local.stdout));
    const again = withoutTimes(sitrep(['import', pakistan, '--server', url, '--token', tokens.rita!, '--json']).stdout);
    expect(again[0]).toMatchObject({ inserted: 0, unchanged: withoutTimes(local.stdout)[0]!.read });

    // A mapped table, its mapping sent along, and every rejected row written to --rejects as a local import writes it.
    const [remoteRejects, localRejects] = [join(dir, 'remote-rejects.csv'), join(dir, 'local-rejects.csv')];
    const mappedRemote = sitrep(['import', wikipedia, '--mapping', mapping, '--rejects', remoteRejects, '--server', url, '--json'], { SITREP_TOKEN: tokens.ada });
    const mappedLocal = sitrep(['import', wikipedia, '--mapping', mapping, '--rejects', localRejects, '--db', reference, '--json']);
    expect(mappedRemote.code).toBe(0);
    expect(withoutTimes(mappedRemote.stdout)).toEqual(withoutTimes(mappedLocal.stdout));
    expect(withoutTimes(mappedRemote.stdout)[0]!.rejected).toBeGreaterThan(0);
    expect(readFileSync(remoteRejects, 'utf8')).toBe(readFileSync(localRejects, 'utf8'));

    // The server's readers see the imported records at once.
    const served = (await (await fetch(`${url}/api/records?dataset=ucdp&limit=1`)).json()) as { total: number };
    expect(served.total).toBe(withoutTimes(local.stdout)[0]!.inserted);
  });

  it('refuses in one line, exit 2, without a token, with an editor\'s token, or with no server there', () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--server', url], { SITREP_TOKEN: '' }, /^sitrep: --server needs an API token; create one with `sitrep users token NAME --scope write`/],
      [['--server', url, '--token', tokens.eddie!], {}, /^sitrep: the server refused the import: an editor may not do this/],
      [['--server', url, '--db', db, '--token', tokens.rita!], {}, /^sitrep: --db and --server both name where to import/],
      [['--server', `http://127.0.0.1:${closedPort}`, '--token', tokens.rita!], {}, new RegExp(`^sitrep: cannot reach the server at http://127\\.0\\.0\\.1:${closedPort} \\(ECONNREFUSED\\)`)],
      [['--server', 'not a url', '--token', tokens.rita!], {}, /^sitrep: invalid --server "not a url"/],
    ];
    for (const [args, env, message] of cases) {
      const r = sitrep(['import', pakistan, ...args], env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
