/**
 * Shared by the importers' tests: run a format over a file the way `sitrep import` does (open, read, validate
 * and refuse repeated ids: `checkedItems`) and, when the actor registry is present, resolve names through it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describeProblems, type EventRecord } from '../core/record.ts';
import { checkedItems } from './checked-items.ts';
import type { ActorResolver, ImportContext, Rejection, SourceFormat } from './source-format.ts';
import { openTextInputs } from './text-input.ts';

export const importedAt = '2025-01-15T10:00:00.000Z';

export interface ImportResult {
  records: EventRecord[];
  byId: Map<string, EventRecord>;
  rejections: Rejection[];
  /** Records the importer produced but `parseRecord` refused, as `line: problems`. */
  invalid: string[];
  lines: Map<string, number>;
}

/** Reads `path` with `format` and validates every record; `given` overrides the context (no actor resolves by default). */
export async function importWith(format: SourceFormat, path: string, given: Partial<ImportContext> = {}): Promise<ImportResult> {
  const context: ImportContext = { resolveActor: () => undefined, importedAt, options: {}, ...given };
  const result: ImportResult = { records: [], byId: new Map(), rejections: [], invalid: [], lines: new Map() };
  for (const input of await openTextInputs(path)) {
    if (!format.detect(input)) throw new Error(`${format.name} does not detect ${input.fileName}`);
    for await (const item of checkedItems(format, input, context)) {
      if (!item.ok) {
        if (item.problems) result.invalid.push(`${item.rejection.line}: ${describeProblems(item.problems)}`);
        else result.rejections.push(item.rejection);
        continue;
      }
      result.records.push(item.record);
      result.byId.set(item.record.id, item.record);
      result.lines.set(item.record.id, item.line);
    }
    input.close?.();
  }
  return result;
}

/**
 * A resolver backed by the real registry (`data/actors.json` + `src/core/actor-registry.ts`), or undefined while
 * that is not in the checkout — tests that need it are skipped then.
 */
export async function registryResolver(): Promise<ActorResolver | undefined> {
  const root = join(import.meta.dirname, '..', '..');
  const file = join(root, 'data', 'actors.json');
  const module = join(root, 'src', 'core', 'actor-registry.ts');
  if (!existsSync(file) || !existsSync(module)) return undefined;
  try {
    const registryModule = (await import(module)) as typeof import('../core/actor-registry.ts');
    const registry = registryModule.createActorRegistry(registryModule.registryFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
    return (name, context) => registry.resolve(name, context)?.id;
  } catch {
    return undefined;
  }
}

/** A zip of `files`, stored without compression: enough to exercise the zip paths, or hand-write a workbook, without a zip library. */
export function storedZip(files: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const [nameBytes, data] = [Buffer.from(name), Buffer.from(text)];
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x21, 12); // 1 Jan 1980
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    header.copy(entry, 10, 8, 28); // method, time, date, crc, sizes, name length
    entry.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, data);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
