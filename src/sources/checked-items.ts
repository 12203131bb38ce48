/**
 * What every import does with a format's items, after the format itself (`sitrep import`, the server's imports and
 * the importers' tests alike): validate each record, and refuse an id the file gave before, naming the line it was
 * first on — the store would otherwise keep one of the two rows and drop the other without a word.
 */
import { describeProblems, parseRecord, type EventRecord, type FieldProblem } from '../core/record.ts';
import type { Rejection } from '../core/importing.ts';
import { SeenIds } from './seen-ids.ts';
import type { ImportContext, SourceFormat, TextInput } from './source-format.ts';

export type CheckedItem =
  | { ok: true; line: number; record: EventRecord }
  /** `problems`: the format made a record the model refuses (a row's values the format let through). */
  | { ok: false; rejection: Rejection; problems?: FieldProblem[] };

export async function* checkedItems(format: SourceFormat, input: TextInput, context: ImportContext): AsyncIterable<CheckedItem> {
  const seen = new SeenIds();
  for await (const item of format.read(input, context)) {
    if (!item.ok) {
      yield item;
      continue;
    }
    const { line } = item;
    const parsed = parseRecord(item.record);
    if (!parsed.ok) {
      const [first, ...rest] = parsed.problems;
      const reason = [first!.message, ...(rest.length ? [describeProblems(rest)] : [])].join('; ');
      yield { ok: false, rejection: { file: input.fileName, line, column: first!.field, value: JSON.stringify(first!.value)?.slice(0, 80), reason }, problems: parsed.problems };
      continue;
    }
    const { record } = parsed;
    const firstLine = seen.get(record.id);
    if (firstLine !== undefined) {
      const { column = 'id', hint = 'a repeated row' } = format.repeatedId ?? {};
      const value = (record.provenance.originalId ?? record.id).slice(0, 80);
      yield { ok: false, rejection: { file: input.fileName, line, column, value, reason: `the same id as line ${firstLine}: ${hint}` } };
      continue;
    }
    seen.add(record.id, line);
    yield { ok: true, line, record };
  }
}
