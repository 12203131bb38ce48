// `npm run layers`: checks every source file against the dependency rule and exits 1 on a violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findLayerViolations, type SourceFile } from './layers.ts';

const root = join(import.meta.dirname, '..');

function collect(dir: string, out: SourceFile[]): SourceFile[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) out.push({ path: relative(root, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
  }
  return out;
}

const files = ['src', 'web/src', 'bench'].flatMap((d) => {
  try { return collect(join(root, d), []); } catch { return []; }
});
const violations = findLayerViolations(files);
for (const v of violations) console.error(`${v.file}:${v.line}: import "${v.specifier}": ${v.reason}`);
if (violations.length) {
  console.error(`${violations.length} import(s) break the dependency rule (docs/architecture.md).`);
  process.exit(1);
}
console.log(`dependency rule: ${files.length} files checked, no violations`);
