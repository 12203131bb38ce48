/**
 * ACLED event exports (source-formats §1): the current layout (text inter labels), Mar 2023–2024 (numeric inter,
 * `disorder_type`), ≤ Mar 2023 (`data_id`, `iso3`, `event_id_no_cnty`) and the old upper-case v6 files
 * (`GWNO,EVENT_ID_CNTY,…`, dd/mm/yyyy, cp1252, trailing empty header cells). Columns are found by name,
 * case-insensitively, so the four layouts share one mapping.
 */
import { CellError } from '../../core/errors.ts';
import type { EventRecordInput } from '../../core/record.ts';
import type { ImportContext, Rejection, SourceFormat, SourceItem, TextInput } from '../source-format.ts';
import { SourceError } from '../source-format.ts';
import { csvRows, headerHas } from '../text-rows.ts';
import { acledRecord, type AcledFile } from './acled-row.ts';

/** v6 names for today's columns. */
const columnAliases: Record<string, string> = { ally_actor_1: 'assoc_actor_1', ally_actor_2: 'assoc_actor_2' };
const requiredColumns = ['event_id_cnty', 'event_date', 'time_precision', 'event_type', 'actor1', 'latitude', 'longitude', 'fatalities'];
/** Any one of these tells the country. */
const countryColumns = ['iso', 'iso3', 'gwno', 'country'];

/**
 * How far back a repeated `event_id_cnty` is still merged. Monadic exports write an event once per actor, on
 * neighbouring rows (same date); 5,000 rows cover far more than one day of ACLED's global output.
 */
export const acledMergeWindow = 5000;

/**
 * The layout a header belongs to, for messages and tests; the mapping itself goes by column name. The current
 * layout and the Mar 2023–2024 one share their header and differ only in whether inter codes are numbers or
 * labels, which is read per cell.
 */
export function acledLayout(header: readonly string[]): 'v6' | 'before-2023-03' | 'since-2023-03' {
  if (header.includes('gwno')) return 'v6';
  if (header.includes('data_id') || header.includes('event_id_no_cnty') || !header.includes('disorder_type')) return 'before-2023-03';
  return 'since-2023-03';
}

/** ACLED CSV export (user's own copy; records are internal). */
export const acled: SourceFormat = {
  name: 'acled',
  description: 'ACLED event export (CSV or xlsx): current, 2023–2024 and pre-2023 layouts and old v6 files',
  dataset: 'acled',
  repeatedId: {
    column: 'event_id_cnty',
    hint: `ACLED repeats an event only in monadic exports, on neighbouring rows (merged within ${acledMergeWindow} rows); sort the file by event_id_cnty or export it dyadic`,
  },
  detect: ({ head }) => headerHas(head, ['event_id_cnty', 'event_date', 'event_type', 'actor1', 'fatalities']),
  read: readAcled,
};

interface Pending {
  line: number;
  item: SourceItem;
  /** The row's date and type, which a repeated row must share to be the same event. */
  key?: string;
}

async function* readAcled(input: TextInput, context: ImportContext): AsyncIterable<SourceItem> {
  let file: AcledFile | undefined;
  let width = 0;
  const queue = new MergeQueue();
  const reject = (rejection: Omit<Rejection, 'file'>): SourceItem => ({ ok: false, rejection: { file: input.fileName, ...rejection } });

  for await (const { line, cells } of csvRows(input)) {
    if (!file) {
      file = { fileName: input.fileName, columns: headerColumns(cells, input.fileName, line) };
      width = Math.max(...file.columns.values()) + 1;
      continue;
    }
    if (cells.every((c) => !c.trim())) continue;
    const shape = rowShapeProblem(cells, width, input.encoding === 'xlsx');
    if (shape) queue.pushItem(line, reject({ line, reason: shape }));
    else {
      try {
        const record = acledRecord(cells, line, file, context);
        const problem = queue.pushRecord(line, record);
        if (problem) queue.pushItem(line, reject({ line, column: 'event_id_cnty', value: eventId(record), reason: problem }));
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        queue.pushItem(line, reject({ line, column: e.column, value: e.value.slice(0, 80), reason: e.message }));
      }
    }
    for (const item of queue.drain(acledMergeWindow)) yield item;
  }
  if (!file) throw new SourceError('the file is empty; expected an ACLED header line', input.fileName, 1);
  for (const item of queue.drain(0)) yield item;
}

/** The file's `event_id_cnty` of a record. */
const eventId = (record: EventRecordInput) => record.id.slice('acled:'.length);

/**
 * Records wait here for up to `acledMergeWindow` rows so that a repeated id can be merged into them; items leave
 * in file order. A repeat further back is refused after the format (`checkedItems`).
 */
class MergeQueue {
  private items: Pending[] = [];
  private head = 0;
  private readonly waiting = new Map<string, Pending>();

  pushItem(line: number, item: SourceItem): void {
    this.items.push({ line, item });
  }

  /** Queues a record or merges it into the waiting one with its id; a reason when it must be rejected instead. */
  pushRecord(line: number, record: EventRecordInput): string | undefined {
    const key = `${record.date}|${record.dateEnd ?? ''}|${record.subtype}`;
    const earlier = this.waiting.get(record.id);
    if (earlier?.item.ok) {
      if (earlier.key !== key) return `repeats the event of line ${earlier.line} with another date or event type; an ACLED id names one event`;
      mergeInto(earlier.item.record, record);
      return undefined;
    }
    const pending: Pending = { line, item: { ok: true, line, record }, key };
    this.items.push(pending);
    this.waiting.set(record.id, pending);
    return undefined;
  }

  /** The items beyond the newest `keep`, oldest first. */
  drain(keep: number): SourceItem[] {
    const out: SourceItem[] = [];
    while (this.items.length - this.head > keep) {
      const { item } = this.items[this.head++]!;
      if (item.ok) this.waiting.delete(item.record.id);
      out.push(item);
    }
    // Compact now and then instead of shifting the array on every row.
    if (this.head > 4096) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return out;
  }
}

/**
 * Monadic exports repeat an event once per actor: we merge the repeats into one record (union of actors,
 * targets, tactics, sources and tags) rather than reject them, because every repeat carries an actor that the
 * first row lacks. The first row's other fields stand, and so does the role it gave an actor: a repeat names the
 * same actors with actor1 and actor2 swapped, and the first row's reading is as good as the second's.
 */
function mergeInto(target: EventRecordInput, extra: EventRecordInput): void {
  const actors = target.actors ?? [];
  for (const a of extra.actors ?? []) if (!actors.some((b) => b.name === a.name)) actors.push(a);
  target.actors = actors;
  target.targets = [...new Set([...(target.targets ?? []), ...(extra.targets ?? [])])];
  target.tactics = [...new Set([...(target.tactics ?? []), ...(extra.tactics ?? [])])];
  const sources = target.sources ?? [];
  for (const s of extra.sources ?? []) if (!sources.some((t) => t.title === s.title && t.type === s.type)) sources.push(s);
  target.sources = sources;
  target.tags = [...new Set([...(target.tags ?? []), ...(extra.tags ?? []), 'acled:merged-monadic'])];
}

function headerColumns(cells: readonly string[], fileName: string, line: number): Map<string, number> {
  const columns = new Map<string, number>();
  cells.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    // v6 files end the header with empty cells; they name nothing.
    if (!name) return;
    const canonical = columnAliases[name] ?? name;
    if (!columns.has(canonical)) columns.set(canonical, i);
  });
  const missing = requiredColumns.filter((c) => !columns.has(c));
  if (!countryColumns.some((c) => columns.has(c))) missing.push('iso (or iso3, gwno, country)');
  if (missing.length) {
    throw new SourceError(`not an ACLED export: missing column(s) ${missing.join(', ')}; export the events again from ACLED with all columns`, fileName, line);
  }
  return columns;
}

/**
 * A row with more filled cells than the header has names was split by an unquoted comma; one with fewer cells
 * was cut short. Workbooks drop trailing blank cells, so there only the first check applies.
 */
function rowShapeProblem(cells: readonly string[], width: number, xlsx: boolean): string | undefined {
  for (let i = width; i < cells.length; i++) if (cells[i]!.trim()) return `${cells.length} cells where the header names ${width}; a value probably holds an unquoted comma`;
  if (!xlsx && cells.length < width) return `${cells.length} cells where the header names ${width}; the row is cut short`;
  return undefined;
}
