import { describe, expect, it } from 'vitest';
import type { EventRecordInput } from '../core/record.ts';
import { checkedItems, type CheckedItem } from './checked-items.ts';
import type { ImportContext, SourceFormat, TextInput } from './source-format.ts';

const record = (id: string, extra: Partial<EventRecordInput> = {}): EventRecordInput => ({
  id, kind: 'attack', date: '2021-03-15', datePrecision: 'day', place: { precision: 'unknown' },
  provenance: { dataset: 'test', originalId: id.slice('test:'.length) }, ...extra,
});
const rows: EventRecordInput[] = [record('test:1'), record('test:2', { kind: 'explosion' as never }), record('test:3'), record('test:1', { description: 'again' })];
const format = (repeatedId?: SourceFormat['repeatedId']): SourceFormat => ({
  name: 'test', description: '', ...(repeatedId ? { repeatedId } : {}), detect: () => true,
  async *read() {
    for (const [i, r] of rows.entries()) yield { ok: true, line: i + 2, record: r };
  },
});
const input: TextInput = { fileName: 'f.csv', head: '', encoding: 'utf-8', chunks: async function* () {} };
const context: ImportContext = { resolveActor: () => undefined, importedAt: '2025-01-15T10:00:00.000Z', options: {} };

async function all(f: SourceFormat): Promise<CheckedItem[]> {
  const out: CheckedItem[] = [];
  for await (const item of checkedItems(f, input, context)) out.push(item);
  return out;
}

describe('checked items', () => {
  it('keep valid records, and explain an invalid one without repeating its field and value in the reason', async () => {
    const items = await all(format());
    expect(items.filter((i) => i.ok).map((i) => i.ok && i.record.id)).toEqual(['test:1', 'test:3']);
    const invalid = items[1]!;
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(invalid.rejection).toMatchObject({ file: 'f.csv', line: 3, column: 'kind', value: '"explosion"' });
    expect(invalid.rejection.reason).toMatch(/^expected one of: attack, /);
    expect(invalid.problems).toHaveLength(1);
  });

  it("reject an id the file gave before, naming the first line and the format's column and hint", async () => {
    const plain = (await all(format())).at(-1)!;
    expect(plain).toMatchObject({ ok: false, rejection: { line: 5, column: 'id', value: '1', reason: 'the same id as line 2: a repeated row' } });
    const own = (await all(format({ column: 'event_id', hint: 'remove one of the two' }))).at(-1)!;
    expect(own).toMatchObject({ ok: false, rejection: { column: 'event_id', value: '1', reason: 'the same id as line 2: remove one of the two' } });
  });
});
