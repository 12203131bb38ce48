/**
 * Small cell readers shared by the mapped importer: glob value maps, lists, numbers and controlled vocabularies,
 * each failing with a `CellError` that names the column and the value so the rejection can be fixed.
 */
import { CellError } from '../../core/errors.ts';

/** `{ glob: value }` compiled: `*` is any text, `?` one character, case-insensitive, matched against the whole cell. */
export interface GlobMap<T> {
  /** The value of the most specific matching glob (most literal characters; the first on a tie). */
  first(text: string): T | undefined;
  /** The values of every matching glob, in file order. */
  all(text: string): T[];
}

export function globMap<T>(entries: Record<string, T>): GlobMap<T> {
  const compiled = Object.entries(entries).map(([glob, value]) => ({
    re: new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'is'),
    literal: glob.replace(/[*?]/g, '').length,
    value,
  }));
  return {
    first(text) {
      let best: (typeof compiled)[number] | undefined;
      for (const c of compiled) if (c.re.test(text) && (!best || c.literal > best.literal)) best = c;
      return best?.value;
    },
    all: (text) => compiled.filter((c) => c.re.test(text)).map((c) => c.value),
  };
}

/** A value of a controlled vocabulary, case- and space-insensitive (`Security forces` → `security_forces`). */
export function vocabulary<T extends string>(value: string, allowed: readonly T[], column: string, what: string): T {
  const v = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const hit = allowed.find((a) => a.toLowerCase() === v);
  if (!hit) throw new CellError(column, value, `not a ${what}: expected one of ${allowed.join(', ')} (or map it with "values")`);
  return hit;
}

/** The items of a list cell, trimmed, blanks dropped. */
export function listItems(value: string, separator = ','): string[] {
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A decimal number, optionally within [min, max]; a thousands separator `1,234` is accepted. */
export function numberCell(value: string, column: string, range?: { min: number; max: number; what: string }): number {
  const v = value.trim().replace(/^(\d{1,3})((?:,\d{3})+)(\.\d+)?$/, (_m, a: string, b: string, c = '') => a + b.replace(/,/g, '') + c);
  const n = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new CellError(column, value, `not a number${range ? `: expected ${range.what}` : ''}`);
  if (range && (n < range.min || n > range.max)) throw new CellError(column, value, `impossible value: expected ${range.what} from ${range.min} to ${range.max}`);
  return n;
}

/** Text folded for hashing: Unicode NFC, lower case, runs of white space as one space, trimmed. */
export function normaliseKey(value: string): string {
  return value.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
