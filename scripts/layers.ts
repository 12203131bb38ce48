/**
 * The dependency rule of `docs/architecture.md`, as code: which layer may import which.
 * `npm run layers` (part of `npm test`) fails when any file breaks it.
 */

/** Layers of ours that each layer may import (itself is always allowed). */
export const allowedLayers: Record<string, readonly string[]> = {
  core: [],
  sources: ['core'],
  geo: ['core'],
  store: ['core'],
  analysis: ['core'],
  server: ['core', 'analysis'],
  cli: ['core', 'sources', 'geo', 'store', 'analysis', 'server'],
  web: ['core'],
  bench: ['core', 'sources', 'geo', 'store', 'analysis', 'server', 'cli'],
};

/**
 * Tests run against real backends and real imports, never mocks of our own domain objects, so a test file may
 * also build a store and load data through the CLI's wiring (the code under test still may not).
 */
const testWiringLayers: readonly string[] = ['store', 'cli'];

/** Packages that make a layer impure. `core` must run in a browser: no I/O, no database, no HTTP. */
const forbiddenPackages: Record<string, RegExp> = {
  core: /^(node:|fs$|fs\/|path$|os$|crypto$|stream|child_process|@duckdb\/|duckdb|pg$|hono|@hono\/)/,
  sources: /^(@duckdb\/|duckdb|pg$|hono|@hono\/)/,
  geo: /^(@duckdb\/|duckdb|pg$|hono|@hono\/)/,
  analysis: /^(@duckdb\/|duckdb|pg$|hono|@hono\/)/,
  server: /^(@duckdb\/|duckdb|pg$)/,
  web: /^(node:|fs$|@duckdb\/|duckdb|pg$|hono|@hono\/)/,
};

export interface SourceFile {
  /** Path relative to the project root, with forward slashes (`src/core/record.ts`). */
  path: string;
  text: string;
}

export interface LayerViolation {
  file: string;
  line: number;
  specifier: string;
  reason: string;
}

/** The layer a project path belongs to, or undefined for files outside the layered tree. */
export function layerOf(path: string): string | undefined {
  const m = /^(?:src\/([a-z]+)|(web|bench))\//.exec(path);
  return m ? (m[1] ?? m[2]) : undefined;
}

const importPattern = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveRelative(fromPath: string, specifier: string): string {
  const parts = fromPath.split('/').slice(0, -1);
  for (const seg of specifier.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Every import in `files` that breaks the dependency rule. Test files may import anything of their own layer's deps plus fixtures. */
export function findLayerViolations(files: readonly SourceFile[]): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    if (!layer) continue;
    const lines = file.text.split('\n');
    lines.forEach((lineText, index) => {
      for (const m of lineText.matchAll(importPattern)) {
        const typeOnly = Boolean(m[1]);
        const specifier = (m[2] ?? m[3])!;
        const at = { file: file.path, line: index + 1, specifier };
        if (specifier.startsWith('.')) {
          const target = layerOf(resolveRelative(file.path, specifier));
          if (!target || target === layer) continue;
          if (layer === 'web' && !typeOnly) {
            violations.push({ ...at, reason: 'web may import only types from core; it talks to the server over HTTP' });
          } else if (!allowedLayers[layer]?.includes(target) && !(file.path.endsWith('.test.ts') && testWiringLayers.includes(target))) {
            violations.push({ ...at, reason: `${layer} may not import ${target} (allowed: ${allowedLayers[layer]?.join(', ') || 'nothing of ours'})` });
          }
        } else if (forbiddenPackages[layer]?.test(specifier) && !file.path.endsWith('.test.ts')) {
          violations.push({ ...at, reason: `${layer} may not depend on ${specifier}` });
        }
      }
    });
  }
  return violations;
}
