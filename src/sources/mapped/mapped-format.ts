/**
 * The `mapped` importer: any CSV (or XLSX, read as CSV by `text-input.ts`) plus a mapping file
 * (`design/source-formats.md` §5). It never claims a file by itself — every table looks alike — so it runs only
 * when asked: `--format mapped --mapping FILE`, or `--mapping FILE` alone (the CLI implies the format).
 */
import { CellError } from '../../core/errors.ts';
import type { ImportContext, SourceFormat, SourceItem, TextInput } from '../source-format.ts';
import { SourceError } from '../source-format.ts';
import { csvRows } from '../text-rows.ts';
import { bindMapping, mapRow, type BoundMapping } from './mapped-row.ts';
import { MappingError, parseMapping, type Mapping } from './mapping-schema.ts';

/** The mapping the CLI put into `context.options.mapping`, validated again so that a caller cannot skip the schema. */
function mappingOf(context: ImportContext, file: string): Mapping {
  const given = context.options.mapping;
  if (given == null) throw new SourceError('the mapped format needs a mapping: pass --mapping FILE (JSON or YAML, see data/mappings/)', file);
  try {
    return parseMapping(given, typeof context.options.mappingFile === 'string' ? context.options.mappingFile : 'mapping');
  } catch (e) {
    if (e instanceof MappingError) throw new SourceError(e.message, file);
    throw e;
  }
}

export const mapped: SourceFormat = {
  name: 'mapped',
  description: 'any CSV/XLSX table with a column mapping (--mapping FILE, JSON or YAML); places geocoded offline',
  repeatedId: { column: 'id', hint: 'a duplicate row, or id columns that do not tell the rows apart' },
  detect: () => false,
  async *read(input: TextInput, context: ImportContext): AsyncIterable<SourceItem> {
    const mapping = mappingOf(context, input.fileName);
    let bound: BoundMapping | undefined;
    // A workbook arrives as comma-separated text whatever the mapping says about the CSV export of the same table.
    const delimiter = input.encoding === 'xlsx' ? ',' : (mapping.delimiter ?? ',');
    for await (const { line, cells } of csvRows(input, { delimiter, shortRows: true })) {
      if (!bound) {
        bound = bindMapping(mapping, cells, input.fileName);
        continue;
      }
      if (cells.every((c) => !c.trim())) continue;
      if (cells.length > bound.headerLength) {
        yield { ok: false, rejection: { file: input.fileName, line, reason: `${cells.length} cells where the header has ${bound.headerLength}; the row has an unquoted delimiter` } };
        continue;
      }
      // Short rows are padded, not rejected: hand-made lists leave trailing cells out (design §5).
      const row = cells.length < bound.headerLength ? [...cells, ...Array<string>(bound.headerLength - cells.length).fill('')] : cells;
      let record;
      try {
        record = mapRow(bound, row, context);
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        yield { ok: false, rejection: { file: input.fileName, line, column: e.column, value: e.value.slice(0, 80), reason: e.message } };
        continue;
      }
      yield { ok: true, line, record };
    }
    if (!bound) throw new SourceError('the file is empty; expected a header row and the rows the mapping describes', input.fileName);
  },
};
