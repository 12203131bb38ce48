/** Near spellings: how far apart two words are, for the "did you mean" of a value that matched nothing. */

/**
 * The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two neighbours each
 * count one. `editDistance('PKA', 'PAK')` → 1, `editDistance('afganistan', 'afghanistan')` → 1.
 */
export function editDistance(a: string, b: string): number {
  // Three rows of the table: the one before last (for swaps), the last and the current.
  let before: number[] = [];
  let last = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(last[j]! + 1, row[j - 1]! + 1, last[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = last;
    last = row;
  }
  return last[b.length]!;
}

/**
 * The candidates nearest to `value` by `editDistance` of their `key`, nearest first (ties keep the candidates'
 * order), at most `limit`, and none further than `max`.
 */
export function nearest<T>(value: string, candidates: Iterable<T>, key: (c: T) => string, limit: number, max = Infinity): T[] {
  const scored: { c: T; d: number; i: number }[] = [];
  let i = 0;
  for (const c of candidates) {
    const d = editDistance(value, key(c));
    if (d <= max) scored.push({ c, d, i: i++ });
  }
  return scored.sort((x, y) => x.d - y.d || x.i - y.i).slice(0, limit).map((s) => s.c);
}

/** Guesses as a person writes them: `a`, `a or b`, `a, b or c`; undefined for none. */
export function orList(items: readonly string[]): string | undefined {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : items[0];
}
