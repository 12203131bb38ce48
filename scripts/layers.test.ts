import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findLayerViolations } from './layers.ts';

describe('dependency rule', () => {
  it('rejects core importing the store or the server', () => {
    const v = findLayerViolations([
      { path: 'src/core/record.ts', text: "import { duckdbStore } from '../store/duckdb/duckdb-store.ts';\nimport { x } from '../server/app.ts';\n" },
    ]);
    expect(v.map((x) => x.line)).toEqual([1, 2]);
    expect(v[0]!.reason).toMatch(/core may not import store/);
  });

  it('rejects I/O in core and lets cli wire everything', () => {
    expect(findLayerViolations([{ path: 'src/core/a.ts', text: "import { readFileSync } from 'node:fs';" }])).toHaveLength(1);
    expect(findLayerViolations([{ path: 'src/cli/a.ts', text: "import { a } from '../store/x.ts';\nimport { b } from '../server/y.ts';" }])).toEqual([]);
    expect(findLayerViolations([{ path: 'src/server/a.ts', text: "import { a } from '../store/x.ts';" }])).toHaveLength(1);
    expect(findLayerViolations([{ path: 'web/src/a.ts', text: "import type { EventRecord } from '../../src/core/record.ts';" }])).toEqual([]);
    expect(findLayerViolations([{ path: 'web/src/a.ts', text: "import { parseFilter } from '../../src/core/filter.ts';" }])).toHaveLength(1);
  });

  it('fails the test command when a core file imports the store', () => {
    // A copy of the checker and a minimal tree with one bad import: the real command must exit non-zero.
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-layers-'));
    mkdirSync(join(dir, 'scripts'));
    cpSync(join(import.meta.dirname, 'layers.ts'), join(dir, 'scripts/layers.ts'));
    cpSync(join(import.meta.dirname, 'check-layers.ts'), join(dir, 'scripts/check-layers.ts'));
    mkdirSync(join(dir, 'src/core'), { recursive: true });
    mkdirSync(join(dir, 'src/store'), { recursive: true });
    writeFileSync(join(dir, 'src/store/s.ts'), 'export const s = 1;\n');
    writeFileSync(join(dir, 'src/core/c.ts'), "import { s } from '../store/s.ts';\nexport const c = s;\n");
    const tsx = join(import.meta.dirname, '../node_modules/.bin/tsx');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(tsx, [join(dir, 'scripts/check-layers.ts')], { stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toContain('src/core/c.ts:1');
  });
});
