/**
 * Shared by the CLI's tests: run the real `sitrep` command as a user would, and write CSV fixtures cell by cell.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './settings.ts';

export const sitrepBin = join(projectRoot, 'bin/sitrep.js');

/** Runs `sitrep args` (in CI mode unless `env` says otherwise) with `input` on stdin, and returns its exit code and output. */
export function sitrep(args: string[], env: Record<string, string | undefined> = {}, input?: string) {
  const r = spawnSync(process.execPath, [sitrepBin, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, input, env: { ...process.env, CI: 'true', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One CSV row, each cell quoted when it must be and written verbatim otherwise (no formula neutralising). */
export const csvRow = (cells: readonly string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
