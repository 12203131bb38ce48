/**
 * The importers Sitrep knows, in detection order. Each is registered exactly as a third-party importer would be:
 * add a `SourceFormat` to this list.
 */
import type { SourceFormat, TextInput } from './source-format.ts';
import { sitrepCsv, sitrepJson, sitrepNdjson } from './sitrep/sitrep-formats.ts';
import { acled } from './acled/acled-format.ts';
import { gtd } from './gtd/gtd-format.ts';
import { ucdpGed } from './ucdp/ucdp-ged.ts';
import { gdeltEvents } from './gdelt/gdelt-events.ts';
import { mapped } from './mapped/mapped-format.ts';

export const sourceFormats: readonly SourceFormat[] = [sitrepNdjson, sitrepJson, sitrepCsv, ucdpGed, gdeltEvents, acled, gtd, mapped];

/** The format named `name`, or the first that recognises the file. */
export function pickFormat(input: Pick<TextInput, 'fileName' | 'head'>, name?: string): SourceFormat | undefined {
  if (name) return sourceFormats.find((f) => f.name === name);
  return sourceFormats.find((f) => f.detect(input));
}
